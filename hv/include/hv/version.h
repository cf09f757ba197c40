/* SPDX-License-Identifier: GPL-2.0-only */
/* Krypton's version and the Xen version whose ABI it speaks. */
#ifndef HV_VERSION_H
#define HV_VERSION_H

#define KRYPTON_VERSION "0.1"
#define KRYPTON_XEN_MAJOR 4
#define KRYPTON_XEN_MINOR 17
#define KRYPTON_XEN_EXTRA ".0"
#define KRYPTON_COMPILER "gcc " __VERSION__
#define KRYPTON_BUILD_DATE __DATE__ " " __TIME__
#ifndef KRYPTON_CHANGESET
#define KRYPTON_CHANGESET "unavailable"
#endif

#endif
