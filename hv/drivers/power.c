// SPDX-License-Identifier: GPL-2.0-only
/*
 * Powering the machine off (ACPI S5 through PM1a/b_CNT) and resetting it
 * (the FADT reset register, then port 0xcf9, then the keyboard controller,
 * then a triple fault). Under QEMU with -no-reboot either one ends QEMU.
 */
#include <hv/types.h>
#include <hv/lib.h>
#include <hv/x86.h>
#include <hv/acpi.h>
#include <hv/apic.h>
#include <hv/smp.h>

#define SLP_EN (1 << 13)

__noreturn void machine_power_off(void)
{
	smp_stop_others();
	if (acpi_info.pm1a_cnt) {
		uint16_t typa = acpi_info.have_s5 ? acpi_info.s5_typa : 0;
		uint16_t typb = acpi_info.have_s5 ? acpi_info.s5_typb : 0;

		outw(acpi_info.pm1a_cnt, (typa << 10) | SLP_EN);
		if (acpi_info.pm1b_cnt)
			outw(acpi_info.pm1b_cnt, (typb << 10) | SLP_EN);
		udelay(100000);
	}
	printk("Power-off failed: halting\n");
	halt_forever();
}

__noreturn void machine_restart(void)
{
	smp_stop_others();
	if (acpi_info.have_reset) {
		if (acpi_info.reset_space == 1)
			outb(acpi_info.reset_addr, acpi_info.reset_value);
		else if (acpi_info.reset_space == 0)
			*(volatile uint8_t *)(uintptr_t)acpi_info.reset_addr =
				acpi_info.reset_value;
		udelay(100000);
	}
	outb(0xcf9, 0x02);
	outb(0xcf9, 0x06);
	udelay(100000);
	for (int i = 0; i < 100000 && (inb(0x64) & 0x02); i++)
		cpu_relax();
	outb(0x64, 0xfe);
	udelay(100000);
	/* Last resort: a triple fault resets every x86. */
	{
		struct {
			uint16_t limit;
			uint64_t base;
		} __packed null_idt = { 0, 0 };

		asm volatile("lidt %0; int3" : : "m"(null_idt));
	}
	halt_forever();
}
