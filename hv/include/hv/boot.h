/* SPDX-License-Identifier: GPL-2.0-only */
/* What the boot loader told us, whichever multiboot protocol it spoke. */
#ifndef HV_BOOT_H
#define HV_BOOT_H

#include <hv/types.h>

#define E820_RAM 1
#define E820_RESERVED 2
#define E820_ACPI 3
#define E820_NVS 4
#define E820_UNUSABLE 5

struct e820_entry {
	uint64_t addr, size;
	uint32_t type;
};

#define BOOT_MAX_E820 128
#define BOOT_MAX_MODULES 16
#define BOOT_CMDLINE_MAX 1024

struct boot_module {
	paddr_t start, end;
	char cmdline[BOOT_CMDLINE_MAX]; /* image name already stripped */
};

struct boot_info {
	const char *protocol; /* "multiboot1" or "multiboot2" */
	char loader[64];
	char cmdline[BOOT_CMDLINE_MAX];
	unsigned int nr_e820;
	struct e820_entry e820[BOOT_MAX_E820];
	unsigned int nr_modules;
	struct boot_module modules[BOOT_MAX_MODULES];
	bool has_rsdp; /* loader gave a copy; else scan the BIOS areas */
	uint8_t rsdp[36];
};

extern struct boot_info boot_info;

/* Fills boot_info from the loader's block; false if magic is unknown. */
bool multiboot_parse(uint32_t magic, paddr_t info);

/* Linker-provided image bounds. */
extern char __image_start[], __image_end[], __edata[];

#endif
