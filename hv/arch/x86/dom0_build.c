// SPDX-License-Identifier: GPL-2.0-only
/*
 * Builds dom0 as a PVH domain from the boot modules: the first module is
 * the kernel (an ELF with a PVH entry note, or a bzImage whose payload we
 * decompress), the second, if any, the initrd. dom0's command line is the
 * kernel module's string. The vCPU starts at the PVH entry in 32-bit
 * protected mode with EBX pointing at struct hvm_start_info.
 */
#include <hv/types.h>
#include <hv/string.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/mm.h>
#include <hv/xmalloc.h>
#include <hv/boot.h>
#include <hv/cmdline.h>
#include <hv/elf_loader.h>
#include <hv/bzimage.h>
#include <hv/decompress.h>
#include <hv/hvm.h>
#include <hv/dom0.h>
#include <hv/acpi_build.h>
#include <hv/apic.h>
#include <hv/percpu.h>
#include <xen/xen.h>
#include <xen/arch-x86/hvm/start_info.h>

#define LOW_RAM_END 0xa0000ULL	 /* conventional memory ends */
#define HOLE_START 0xc0000000ULL /* MMIO hole: [3 GiB, 4 GiB) */
#define HOLE_END 0x100000000ULL
/* ACPI tables: in the reserved (but RAM-backed) BIOS area, where a
 * legacy RSDP scan finds them too. */
#define ACPI_TABLES_GPA 0xe0000ULL
#define ACPI_TABLES_MAX 0x10000

/* dom0_mem=[min:<amt>,][max:<amt>,][<amt>]; <amt>: size, -size or N% */
struct mem_amount {
	bool set, negative, percent;
	uint64_t value;
};
static struct mem_amount dom0_mem, dom0_mem_min, dom0_mem_max;

/*
 * dom0_max_vcpus=<n> gives dom0 exactly n vCPUs (more than there are
 * CPUs is fine: they are time-sliced); <min>-<max> clamps the number of
 * CPUs to that range. Default: one vCPU per physical CPU.
 */
static unsigned int dom0_vcpus_min = 1, dom0_vcpus_max;
static bool opt_dom0_vcpus_pin;
boolean_param("dom0_vcpus_pin", opt_dom0_vcpus_pin);

static int parse_dom0_max_vcpus(const char *s)
{
	const char *end;
	unsigned long long a, b;

	if (!s || *s < '0' || *s > '9')
		return -EINVAL;
	a = simple_strtoull(s, &end, 0);
	b = a;
	if (*end == '-') {
		b = end[1] ? simple_strtoull(end + 1, &end, 0) : 0;
		if (!end[0] && end[-1] == '-')
			end++; /* "<min>-": no maximum */
		else if (*end)
			return -EINVAL;
	} else if (*end) {
		return -EINVAL;
	}
	if (!a || a > MAX_VCPUS || (b && b < a))
		return -EINVAL;
	dom0_vcpus_min = a;
	dom0_vcpus_max = b;
	return 0;
}
custom_param("dom0_max_vcpus", parse_dom0_max_vcpus);

static unsigned int dom0_nr_vcpus(void)
{
	unsigned int n = nr_cpus_online;

	if (n < dom0_vcpus_min)
		n = dom0_vcpus_min;
	if (dom0_vcpus_max && n > dom0_vcpus_max)
		n = dom0_vcpus_max;
	return MIN(MAX(n, 1u), (unsigned int)MAX_VCPUS);
}

static int parse_amount(const char *s, const char **end, struct mem_amount *a)
{
	a->negative = *s == '-';
	if (a->negative)
		s++;
	if (*s < '0' || *s > '9')
		return -EINVAL;
	a->value = parse_size_and_unit(s, end);
	a->percent = **end == '%';
	if (a->percent)
		(*end)++;
	a->set = true;
	return 0;
}

static int parse_dom0_mem(const char *s)
{
	if (!s)
		return -EINVAL;
	while (*s) {
		struct mem_amount *a = &dom0_mem;
		const char *end;

		if (!strncmp(s, "min:", 4)) {
			a = &dom0_mem_min;
			s += 4;
		} else if (!strncmp(s, "max:", 4)) {
			a = &dom0_mem_max;
			s += 4;
		}
		if (parse_amount(s, &end, a))
			return -EINVAL;
		s = end;
		if (*s == ',')
			s++;
		else if (*s)
			return -EINVAL;
	}
	return 0;
}
custom_param("dom0_mem", parse_dom0_mem);

static uint64_t amount_bytes(const struct mem_amount *a, uint64_t avail)
{
	uint64_t v = a->percent ? avail / 100 * MIN(a->value, 100ULL)
				: a->value;

	if (a->negative)
		return v < avail ? avail - v : 0;
	return v;
}

/* Xen's default: all memory but 1/16 of it, at most 128 MiB, kept back. */
static uint64_t dom0_size(uint64_t avail)
{
	uint64_t size = avail - MIN(avail / 16, 128ULL << 20);

	if (dom0_mem.set)
		size = amount_bytes(&dom0_mem, avail);
	if (dom0_mem_min.set)
		size = MAX(size, amount_bytes(&dom0_mem_min, avail));
	if (dom0_mem_max.set)
		size = MIN(size, amount_bytes(&dom0_mem_max, avail));
	return MIN(size, avail) & PAGE_MASK;
}

/* Guest-physical address of RAM page @i when RAM skips the MMIO hole. */
static uint64_t ram_gfn(uint64_t i)
{
	uint64_t low = HOLE_START >> PAGE_SHIFT;

	return i < low ? i : (HOLE_END >> PAGE_SHIFT) + (i - low);
}

static int populate_ram(struct domain *d, uint64_t pages)
{
	uint64_t i = 0;

	/* 2 MiB at a time where the range allows it (fast to build, and
	 * cheaper nested walks), single pages for the rest. */
	while (i + 512 <= pages && (ram_gfn(i) & 511) == 0 &&
	       ram_gfn(i + 511) == ram_gfn(i) + 511) {
		void *blk = alloc_pages(9);

		if (!blk)
			break;
		memset(blk, 0, PAGE_SIZE << 9);
		if (p2m_set_entry_2m(&d->p2m, ram_gfn(i),
				     virt_to_phys(blk) >> PAGE_SHIFT,
				     P2M_RAM)) {
			free_pages(blk, 9);
			return -ENOMEM;
		}
		d->tot_pages += 512;
		i += 512;
	}
	for (; i < pages; i++) {
		void *pg = alloc_zeroed_page();

		if (!pg)
			return -ENOMEM;
		if (p2m_set_entry(&d->p2m, ram_gfn(i),
				  virt_to_phys(pg) >> PAGE_SHIFT, P2M_RAM)) {
			free_page(pg);
			return -ENOMEM;
		}
		d->tot_pages++;
	}
	d->max_pages = pages;
	return 0;
}

static int elf_copy(void *ctx, uint64_t paddr, const void *src, size_t n)
{
	return copy_to_guest_phys(ctx, paddr, src, n);
}

static int elf_zero(void *ctx, uint64_t paddr, size_t n)
{
	return clear_guest_phys(ctx, paddr, n);
}

/* The kernel as an ELF image: bzImages are unpacked into @*owned. */
static int kernel_image(const struct boot_module *m, const void **img,
			size_t *len, void **owned, unsigned int *owned_order)
{
	const void *p = (const void *)(uintptr_t)m->start, *payload;
	size_t plen, ulen, out_len, size = m->end - m->start;
	const char *err = NULL;
	unsigned int order = 0;
	uint64_t t0;
	int rc;

	*owned = NULL;
	if (!bzimage_detect(p, size)) {
		*img = p;
		*len = size;
		return 0;
	}
	rc = bzimage_payload(p, size, &payload, &plen, &ulen, &err);
	if (rc) {
		printk(XENLOG_ERR "dom0 kernel: bad bzImage: %s\n", err);
		return rc;
	}
	while ((PAGE_SIZE << order) < ulen)
		order++;
	*owned = alloc_pages(order);
	if (!*owned) {
		printk(XENLOG_ERR
		       "dom0 kernel: no memory to unpack %zu bytes\n",
		       ulen);
		return -ENOMEM;
	}
	printk("dom0 kernel: bzImage with a %s payload, unpacking %zu bytes\n",
	       decomp_format_name(decomp_detect(payload, plen)), ulen);
	t0 = now_ns();
	rc = decompress(payload, plen, *owned, PAGE_SIZE << order, &out_len,
			&err);
	printk(XENLOG_INFO "dom0 kernel: unpacked in %llu ms\n",
	       (unsigned long long)((now_ns() - t0) / 1000000));
	if (rc) {
		printk(XENLOG_ERR "dom0 kernel: cannot unpack: %s\n", err);
		free_pages(*owned, order);
		*owned = NULL;
		return rc;
	}
	*img = *owned;
	*len = out_len;
	*owned_order = order;
	return 0;
}

static uint64_t write_memmap(struct domain *d, uint64_t gpa, uint64_t pages,
			     uint32_t *nr)
{
	struct hvm_memmap_table_entry map[4];
	uint64_t low_pages = MIN(pages, HOLE_START >> PAGE_SHIFT);
	unsigned int n = 0;

	d->max_gfn = pages > low_pages ? (HOLE_END >> PAGE_SHIFT) +
						 (pages - low_pages) - 1
				       : pages - 1;

	memset(map, 0, sizeof(map));
	map[n++] = (struct hvm_memmap_table_entry){ 0, LOW_RAM_END,
						    XEN_HVM_MEMMAP_TYPE_RAM,
						    0 };
	map[n++] = (struct hvm_memmap_table_entry){
		LOW_RAM_END, 0x100000 - LOW_RAM_END,
		XEN_HVM_MEMMAP_TYPE_RESERVED, 0
	};
	map[n++] = (struct hvm_memmap_table_entry){
		0x100000, (low_pages << PAGE_SHIFT) - 0x100000,
		XEN_HVM_MEMMAP_TYPE_RAM, 0
	};
	if (pages > low_pages)
		map[n++] = (struct hvm_memmap_table_entry){
			HOLE_END, (pages - low_pages) << PAGE_SHIFT,
			XEN_HVM_MEMMAP_TYPE_RAM, 0
		};
	*nr = n;
	d->nr_e820 = n;
	for (unsigned int i = 0; i < n; i++) {
		d->e820[i].addr = map[i].addr;
		d->e820[i].size = map[i].size;
		d->e820[i].type = map[i].type;
	}
	copy_to_guest_phys(d, gpa, map, n * sizeof(map[0]));
	return gpa + n * sizeof(map[0]);
}

struct domain *dom0_build(void)
{
	const struct boot_module *km, *initrd = NULL;
	struct hvm_start_info si = { 0 };
	struct hvm_modlist_entry mod = { 0 };
	struct vcpu_boot_state boot = { 0 };
	struct elf_info *info;
	struct domain *d = NULL;
	const char *err = NULL;
	const void *img;
	void *owned = NULL;
	size_t len;
	unsigned int owned_order = 0;
	uint64_t t0, t1;
	uint64_t pages, ram_end, gpa, si_gpa;

	if (!boot_info.nr_modules)
		panic("No dom0 kernel: give it as the first boot module "
		      "(GRUB: module2 /boot/vmlinuz ...; QEMU: -initrd)");
	km = &boot_info.modules[0];
	if (boot_info.nr_modules > 1)
		initrd = &boot_info.modules[1];
	info = xzalloc(sizeof(*info));
	if (!info || kernel_image(km, &img, &len, &owned, &owned_order))
		panic("Cannot load the dom0 kernel");
	if (elf_parse(img, len, info, &err))
		panic("dom0 kernel is not a usable ELF image: %s", err);
	if (!info->has_pvh_entry)
		panic("dom0 kernel has no PVH entry point (ELF note "
		      "XEN_ELFNOTE_PHYS32_ENTRY): Krypton boots PVH kernels only "
		      "(Linux needs CONFIG_PVH=y)");

	pages = dom0_size(free_pages_count() << PAGE_SHIFT) >> PAGE_SHIFT;
	ram_end = MIN(pages << PAGE_SHIFT, HOLE_START);
	printk("dom0: %llu MiB RAM, kernel at [%#llx, %#llx), PVH entry %#llx\n",
	       (unsigned long long)(pages >> 8),
	       (unsigned long long)info->paddr_lo,
	       (unsigned long long)info->paddr_hi,
	       (unsigned long long)info->pvh_entry);
	if (info->paddr_lo < 0x100000 || info->paddr_hi > ram_end)
		panic("dom0 kernel [%#llx, %#llx) does not fit in dom0's RAM "
		      "(1 MiB to %#llx): raise dom0_mem",
		      (unsigned long long)info->paddr_lo,
		      (unsigned long long)info->paddr_hi,
		      (unsigned long long)ram_end);

	t0 = now_ns();
	d = domain_create(0, "Domain-0", true, dom0_nr_vcpus());
	if (!d || populate_ram(d, pages))
		panic("Out of memory building dom0");
	t1 = now_ns();
	if (elf_load(img, len, info, elf_copy, elf_zero, d))
		panic("Cannot copy the dom0 kernel into its memory");
	printk(XENLOG_INFO
	       "dom0: RAM populated in %llu ms, kernel loaded in %llu ms\n",
	       (unsigned long long)((t1 - t0) / 1000000),
	       (unsigned long long)((now_ns() - t1) / 1000000));

	gpa = ALIGN_UP(info->paddr_hi, PAGE_SIZE);
	if (initrd) {
		uint64_t isz = initrd->end - initrd->start;

		if (gpa + isz + PAGE_SIZE > ram_end)
			panic("dom0 initrd (%llu KiB) does not fit: raise dom0_mem",
			      (unsigned long long)(isz >> 10));
		copy_to_guest_phys(d, gpa, (void *)(uintptr_t)initrd->start,
				   isz);
		mod.paddr = gpa;
		mod.size = isz;
		gpa = ALIGN_UP(gpa + isz, PAGE_SIZE);
	}
	/* start info, then modlist, memory map and command line after it */
	si_gpa = gpa;
	gpa += sizeof(si);
	si.magic = XEN_HVM_START_MAGIC_VALUE;
	si.version = 1;
	si.flags = SIF_PRIVILEGED | SIF_INITDOMAIN;
	if (initrd) {
		si.nr_modules = 1;
		si.modlist_paddr = gpa;
		copy_to_guest_phys(d, gpa, &mod, sizeof(mod));
		gpa += sizeof(mod);
	}
	si.memmap_paddr = gpa;
	gpa = write_memmap(d, gpa, pages, &si.memmap_entries);
	si.cmdline_paddr = gpa;
	{
		/* The kernel module's string, then anything after " -- " on
		 * the hypervisor's command line (as Xen appends it). */
		const char *extra = cmdline_dom0_args(boot_info.cmdline);
		size_t klen = strlen(km->cmdline);
		size_t elen = extra ? strlen(extra) : 0;
		char sep = ' ';

		if (gpa + klen + 1 + elen + 1 > ram_end ||
		    copy_to_guest_phys(d, gpa, km->cmdline, klen) ||
		    (elen &&
		     (copy_to_guest_phys(d, gpa + klen, &sep, 1) ||
		      copy_to_guest_phys(d, gpa + klen + 1, extra, elen))) ||
		    clear_guest_phys(d, gpa + klen + (elen ? elen + 1 : 0), 1))
			panic("No room for dom0's start info");
	}
	copy_to_guest_phys(d, si_gpa, &si, sizeof(si));

	{
		struct acpi_build_config acfg = { d->nr_vcpus,
						  ACPI_TABLES_GPA };
		void *tables = xzalloc(ACPI_TABLES_MAX);
		uint64_t rsdp;
		long n;

		if (!tables)
			panic("Out of memory building dom0's ACPI tables");
		n = acpi_build_tables(tables, ACPI_TABLES_MAX, &acfg, &rsdp);
		if (n < 0)
			panic("Cannot build dom0's ACPI tables (%ld)", n);
		copy_to_guest_phys(d, ACPI_TABLES_GPA, tables, n);
		xfree(tables);
		si.rsdp_paddr = rsdp;
		copy_to_guest_phys(d, si_gpa, &si, sizeof(si));
	}
	shared_info_init_time(d);
	if (opt_dom0_vcpus_pin)
		for (unsigned int i = 0; i < d->nr_vcpus; i++)
			d->vcpus[i]->pinned_cpu = i % nr_cpus_online;
	printk("dom0: %u vCPU%s%s\n", d->nr_vcpus, d->nr_vcpus > 1 ? "s" : "",
	       opt_dom0_vcpus_pin ? ", pinned" : "");
	boot.rip = info->pvh_entry;
	boot.rbx = si_gpa;
	hvm_ops->vcpu_set_boot_state(d->vcpus[0], &boot);
	if (owned)
		free_pages(owned, owned_order);
	xfree(info);
	return d;
}
