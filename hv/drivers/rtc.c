// SPDX-License-Identifier: GPL-2.0-only
/*
 * The CMOS real-time clock, read once at boot to anchor guests' wall
 * clock (shared_info wc_sec/wc_nsec). The RTC holds UTC on the machines
 * we target (QEMU's default); dom0 can correct it with XENPF_settime64.
 */
#include <hv/types.h>
#include <hv/lib.h>
#include <hv/x86.h>
#include <hv/apic.h>

static uint64_t boot_wallclock_ns;

static uint8_t cmos_read(uint8_t reg)
{
	outb(0x70, reg);
	return inb(0x71);
}

static unsigned int bcd(uint8_t v, bool binary)
{
	return binary ? v : (v & 0xf) + (v >> 4) * 10;
}

/* Days since 1970-01-01 of a civil date (proleptic Gregorian). */
static int64_t days_from_civil(int64_t y, unsigned int m, unsigned int d)
{
	int64_t era;
	unsigned int yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned int)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

void rtc_init(void)
{
	uint8_t sec, min, hour, day, mon, year, regb;
	bool binary, h12;
	int64_t days;
	unsigned int h;

	/* Wait (bounded) until no update is in progress, then read. */
	for (int i = 0; i < 1000000 && (cmos_read(0x0a) & 0x80); i++)
		cpu_relax();
	sec = cmos_read(0x00);
	min = cmos_read(0x02);
	hour = cmos_read(0x04);
	day = cmos_read(0x07);
	mon = cmos_read(0x08);
	year = cmos_read(0x09);
	regb = cmos_read(0x0b);
	binary = regb & 0x04;
	h12 = !(regb & 0x02);
	h = bcd(hour & 0x7f, binary);
	if (h12 && (hour & 0x80))
		h = (h % 12) + 12;
	else if (h12 && h == 12)
		h = 0;
	days = days_from_civil(2000 + bcd(year, binary), bcd(mon, binary),
			       bcd(day, binary));
	boot_wallclock_ns = ((uint64_t)days * 86400 + h * 3600 +
			     bcd(min, binary) * 60 + bcd(sec, binary)) *
				    1000000000ULL -
			    now_ns();
	printk("RTC: 20%02u-%02u-%02u %02u:%02u:%02u UTC\n", bcd(year, binary),
	       bcd(mon, binary), bcd(day, binary), h, bcd(min, binary),
	       bcd(sec, binary));
}

uint64_t wallclock_at_boot_ns(void)
{
	return boot_wallclock_ns;
}
