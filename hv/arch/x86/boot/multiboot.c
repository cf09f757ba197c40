// SPDX-License-Identifier: GPL-2.0-only
/*
 * Multiboot 1 and 2 information blocks, copied into struct boot_info so
 * nothing later depends on the loader's memory, which becomes free RAM.
 * Loaders other than GRUB 2 put the image's file name first on each
 * command line (QEMU, syslinux); like Xen, we drop that first word.
 */
#include <hv/types.h>
#include <hv/string.h>
#include <hv/boot.h>

struct boot_info boot_info;

#define MB1_BOOT_MAGIC 0x2BADB002
#define MB2_BOOT_MAGIC 0x36d76289

struct mb1_info {
	uint32_t flags, mem_lower, mem_upper, boot_device, cmdline;
	uint32_t mods_count, mods_addr, syms[4];
	uint32_t mmap_length, mmap_addr;
	uint32_t drives_length, drives_addr, config_table, boot_loader_name;
} __packed;

struct mb1_module {
	uint32_t start, end, string, reserved;
} __packed;

struct mb1_mmap {
	uint32_t size;
	uint64_t addr, len;
	uint32_t type;
} __packed;

struct mb2_tag {
	uint32_t type, size;
};

static bool loader_is_grub2(void)
{
	return !strncmp(boot_info.loader, "GRUB 2", 6);
}

static void copy_cmdline(char *dst, const char *src)
{
	if (!src) {
		dst[0] = '\0';
		return;
	}
	while (*src == ' ')
		src++;
	if (!loader_is_grub2() && strcmp(boot_info.protocol, "multiboot2")) {
		while (*src && *src != ' ')
			src++;
		while (*src == ' ')
			src++;
	}
	strlcpy(dst, src, BOOT_CMDLINE_MAX);
}

static void add_e820(uint64_t addr, uint64_t size, uint32_t type)
{
	if (boot_info.nr_e820 < BOOT_MAX_E820 && size) {
		struct e820_entry *e = &boot_info.e820[boot_info.nr_e820++];

		e->addr = addr;
		e->size = size;
		e->type = type;
	}
}

static void add_module(paddr_t start, paddr_t end, const char *s)
{
	struct boot_module *m;

	if (boot_info.nr_modules >= BOOT_MAX_MODULES || end < start)
		return;
	m = &boot_info.modules[boot_info.nr_modules++];
	m->start = start;
	m->end = end;
	copy_cmdline(m->cmdline, s);
}

static void parse_mb1(const struct mb1_info *mi)
{
	boot_info.protocol = "multiboot1";
	if (mi->flags & (1 << 9) && mi->boot_loader_name)
		strlcpy(boot_info.loader,
			(const char *)(uintptr_t)mi->boot_loader_name,
			sizeof(boot_info.loader));
	if (mi->flags & (1 << 2))
		copy_cmdline(boot_info.cmdline,
			     (const char *)(uintptr_t)mi->cmdline);
	if (mi->flags & (1 << 6)) {
		uintptr_t p = mi->mmap_addr, end = p + mi->mmap_length;

		while (p + sizeof(struct mb1_mmap) <= end) {
			const struct mb1_mmap *e = (const void *)p;

			add_e820(e->addr, e->len, e->type);
			p += e->size + sizeof(e->size);
		}
	} else if (mi->flags & (1 << 0)) {
		add_e820(0, (uint64_t)mi->mem_lower << 10, E820_RAM);
		add_e820(1 << 20, (uint64_t)mi->mem_upper << 10, E820_RAM);
	}
	if (mi->flags & (1 << 3)) {
		const struct mb1_module *m =
			(const void *)(uintptr_t)mi->mods_addr;

		for (uint32_t i = 0; i < mi->mods_count; i++)
			add_module(m[i].start, m[i].end,
				   (const char *)(uintptr_t)m[i].string);
	}
}

static void parse_mb2(const uint8_t *info)
{
	uint32_t total = *(const uint32_t *)info;
	const uint8_t *p = info + 8, *end = info + total;

	boot_info.protocol = "multiboot2";
	/* The loader name decides how command lines are read: find it first. */
	for (const uint8_t *q = p; q + 8 <= end;) {
		const struct mb2_tag *t = (const void *)q;

		if (t->type == 0 || t->size < 8)
			break;
		if (t->type == 2)
			strlcpy(boot_info.loader, (const char *)(t + 1),
				sizeof(boot_info.loader));
		q += ALIGN_UP(t->size, 8);
	}
	while (p + 8 <= end) {
		const struct mb2_tag *t = (const void *)p;
		const uint32_t *w = (const uint32_t *)(t + 1);

		if (t->type == 0 || t->size < 8)
			break;
		switch (t->type) {
		case 1:
			copy_cmdline(boot_info.cmdline, (const char *)(t + 1));
			break;
		case 3:
			add_module(w[0], w[1], (const char *)(w + 2));
			break;
		case 6: {
			uint32_t esize = w[0];
			const uint8_t *e = (const uint8_t *)(w + 2);

			for (; esize && e + esize <= p + t->size; e += esize)
				add_e820(*(const uint64_t *)e,
					 *(const uint64_t *)(e + 8),
					 *(const uint32_t *)(e + 16));
			break;
		}
		case 14:
		case 15:
			/* A copy of the RSDP: prefer the newer (15). */
			if (!boot_info.has_rsdp || t->type == 15) {
				memcpy(boot_info.rsdp, t + 1,
				       MIN(t->size - 8,
					   sizeof(boot_info.rsdp)));
				boot_info.has_rsdp = true;
			}
			break;
		}
		p += ALIGN_UP(t->size, 8);
	}
}

bool multiboot_parse(uint32_t magic, paddr_t info)
{
	if (magic == MB1_BOOT_MAGIC)
		parse_mb1((const struct mb1_info *)(uintptr_t)info);
	else if (magic == MB2_BOOT_MAGIC)
		parse_mb2((const uint8_t *)(uintptr_t)info);
	else
		return false;
	return true;
}
