// SPDX-License-Identifier: GPL-2.0-only
/*
 * The command table: one entry per subcommand, from which `xl help` and
 * `xl help CMD` are generated.  Commands that need a running hypervisor
 * say so when there is none.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xl.h"

const struct cmd_spec cmd_table[] = {
	{ "create", main_create, true, true,
	  "Create a domain from config file <filename>",
	  "<ConfigFile> [options] [vars]",
	  "-c                      Connect to the console after the domain is "
	  "created.\n"
	  "-d                      Enable debug messages.\n"
	  "-e                      Do not wait in the background for the death "
	  "of the domain.\n"
	  "-F                      Run in foreground until death of the "
	  "domain.\n"
	  "-f FILE, --defconfig=FILE\n"
	  "                        Use the given configuration file.\n"
	  "-h                      Print this help.\n"
	  "-n, --dryrun            Dry run - prints the resulting configuration\n"
	  "                         (deprecated in favour of global -N option).\n"
	  "-p                      Leave the domain paused after it is created.\n"
	  "-q, --quiet             Quiet.\n"
	  "-V, --vncviewer         Connect to the VNC display after the domain "
	  "is created.\n"
	  "-A, --vncviewer-autopass\n"
	  "                        Pass VNC password to viewer via stdin.\n"
	  "--ignore-global-affinity-masks Ignore global masks in xl.conf.\n"
	  "vars are KEY=VALUE settings in xl.cfg syntax applied after the "
	  "file,\n"
	  "e.g. memory=512 'vif=[\"bridge=br0\"]'." },
	{ "list", main_no_hypervisor, false, false,
	  "List information about all/some domains", "[options] [Domain]",
	  "-l, --long              Output all VM details\n"
	  "-v, --verbose           Prints out UUIDs and security context" },
	{ "destroy", main_no_hypervisor, false, true,
	  "Terminate a domain immediately", "[options] <Domain>",
	  "-f                      Permit destroying domain 0." },
	{ "shutdown", main_no_hypervisor, false, true,
	  "Issue a shutdown signal to a domain", "[options] <-a|Domain>",
	  "-a, --all               Shutdown all guest domains.\n"
	  "-w, --wait              Wait for guest(s) to shutdown.\n"
	  "-F                      Fallback to ACPI power event for HVM guests "
	  "with no PV drivers." },
	{ "reboot", main_no_hypervisor, false, true,
	  "Issue a reboot signal to a domain", "[options] <-a|Domain>",
	  "-a, --all               Reboot all guest domains.\n"
	  "-w, --wait              Wait for guest(s) to reboot." },
	{ "pause", main_no_hypervisor, false, true,
	  "Pause execution of a domain", "<Domain>", NULL },
	{ "unpause", main_no_hypervisor, false, true, "Unpause a paused domain",
	  "<Domain>", NULL },
	{ "console", main_no_hypervisor, false, false,
	  "Attach to domain's console", "[options] <Domain>",
	  "-t <type>       console type, pv, serial or vuart\n"
	  "-n <number>     console number" },
	{ "info", main_no_hypervisor, false, false,
	  "Get information about Xen host", "[-n|--numa]",
	  "-n, --numa         List host NUMA topology information" },
	{ "block-attach", main_block_attach, true, true,
	  "Create a new virtual block device",
	  "<Domain> <disk-spec-component(s)>...", NULL },
	{ "network-attach", main_network_attach, true, true,
	  "Create a new virtual network device",
	  "<Domain> [type=<type>] [mac=<mac>] [bridge=<bridge>] [ip=<ip>] "
	  "[script=<script>] [backend=<BackDomain>] [vifname=<name>] "
	  "[rate=<rate>] [model=<model>] [accel=<accel>] [mtu=<mtu>]",
	  NULL },
	{ "help", main_help, false, false, "Print this help", "[command]",
	  NULL },
};

const int cmd_table_size = sizeof(cmd_table) / sizeof(cmd_table[0]);

const struct cmd_spec *cmd_lookup(const char *name)
{
	int i;

	for (i = 0; i < cmd_table_size; i++)
		if (!strcmp(cmd_table[i].name, name))
			return &cmd_table[i];
	return NULL;
}

void help(const char *command)
{
	const struct cmd_spec *c;
	int i;

	if (!command || !strcmp(command, "help")) {
		printf("Usage xl [-vfNtT] <subcommand> [args]\n\n");
		printf("xl full list of subcommands:\n\n");
		for (i = 0; i < cmd_table_size; i++) {
			printf(" %-19s ", cmd_table[i].name);
			if (strlen(cmd_table[i].name) > 19)
				printf("\n %-19s ", "");
			printf("%s\n", cmd_table[i].summary);
		}
		return;
	}
	c = cmd_lookup(command);
	if (!c) {
		printf("command \"%s\" not implemented\n", command);
		return;
	}
	printf("Usage: xl [-vtT%s%s] %s %s\n\n%s.\n\n", c->modifies ? "f" : "",
	       c->can_dryrun ? "N" : "", c->name, c->usage, c->summary);
	if (c->options)
		printf("Options:\n\n%s\n", c->options);
}

int main_help(int argc, char **argv)
{
	help(argc > 1 ? argv[1] : NULL);
	return 0;
}

/* /dev/xen/privcmd is how the toolstack talks to the hypervisor. */
int hypervisor_present(void)
{
	const char *fake = getenv("XL_FAKE_HYPERVISOR");

	if (fake)
		return fake[0] == '1';
	return !access("/dev/xen/privcmd", F_OK) || !access("/proc/xen", F_OK);
}

static int no_hv_message(const char *what)
{
	fprintf(stderr,
		"xl: cannot %s: no Xen-compatible hypervisor is running "
		"(neither /dev/xen/privcmd nor /proc/xen exists).\n"
		"xl: boot Krypton (or Xen) first; `xl -N create FILE' checks "
		"a configuration without one.\n",
		what);
	return 1;
}

int main_no_hypervisor(int argc, char **argv)
{
	(void)argc;
	if (!hypervisor_present())
		return no_hv_message(argv[0]);
	fprintf(stderr, "xl: `%s' is not implemented by Krypton yet\n",
		argv[0]);
	return 1;
}

int xl_no_hypervisor(const char *what)
{
	return no_hv_message(what);
}
