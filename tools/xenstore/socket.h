/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KRYPTON_XENSTORED_SOCKET_H
#define KRYPTON_XENSTORED_SOCKET_H

#include "xenstored.h"

/* Creates the directories leading to path (not path itself). */
void mkdirs(const char *path);
/* Creates (replacing any stale file) and listens on a Unix socket. */
int socket_listen(const char *path);
/* Accepts one client as a privileged dom0 connection. */
struct conn *socket_accept(int lfd);

#endif
