/*
 * The test-guest framework. A test is one tests/guests/<name>.c that
 * declares itself with DEFINE_TEST() and implements test_main(); the
 * framework boots it (lib/head.S), installs exception handlers, then calls
 * test_main() and, when it returns, test_finish().
 *
 * Output goes to the Xen console (HYPERVISOR_console_io) or, when no Xen
 * is detected through CPUID leaf 0x40000000, to QEMU's debug port 0xE9.
 * Results are lines "PASS: ..." / "FAIL: ..." and a final
 * "Test result: SUCCESS" or "Test result: FAILURE".
 */
#ifndef GUEST_H
#define GUEST_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <xen/arch-x86/hvm/start_info.h>

#include "hypercall.h"
#include "traps.h"
#include "x86.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define __printf(a, b) __attribute__((format(printf, a, b)))
#define __noreturn __attribute__((noreturn))

struct test_info {
	const char *name;
	const char *description;
};

#define DEFINE_TEST(n, d) const struct test_info test_info = { n, d }

extern const struct test_info test_info;
void test_main(const struct hvm_start_info *si);

/* The CPU state at the PVH entry point, as lib/head.S found it. */
struct pvh_entry_state {
	uint32_t cr0, cr4, eflags, efer_lo, efer_hi;
};
extern const struct pvh_entry_state pvh_entry_state;

/* lib/xen.c */
/* Maps the shared info page (XENMEM_add_to_physmap); NULL on failure. */
struct shared_info *map_shared_info(long *rc);
/* Nanoseconds of Xen system time from a vcpu_time_info (PV clock). */
uint64_t pvclock_read(const volatile struct vcpu_time_info *t);
typedef void (*evtchn_handler_t)(evtchn_port_t port);
/*
 * Routes events to `vector` (HVM_PARAM_CALLBACK_IRQ, vector type) and
 * dispatches them to per-port handlers; returns the hvm_op result.
 */
long evtchn_init(struct shared_info *s, unsigned int vector);
void evtchn_set_handler(evtchn_port_t port, evtchn_handler_t fn);
unsigned int evtchn_callbacks(void);
/* After VCPUOP_register_vcpu_info: where vCPU 0's vcpu_info now lives. */
void evtchn_use_vcpu_info(volatile struct vcpu_info *vi);

/* lib/paging.c */
/*
 * Maps a 4 KiB page (or a 2 MiB one if `large`) at `va` to guest-physical
 * `pa` with PTE flags `flags` (PTE_P, PTE_RW, PTE_US; 0 leaves it not
 * present). `va` must lie outside the first 512 GiB.
 */
void map_page(uint64_t va, uint64_t pa, uint64_t flags, bool large);

/* lib/console.c */
void console_init(void);
bool hypervisor_present(void);
void console_write(const char *s, size_t len);

/* lib/printf.c */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int printf(const char *fmt, ...) __printf(1, 2);
int vprintf(const char *fmt, va_list ap);

/* lib/string.c */
void *memset(void *s, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);

/* lib/test.c */
/* Prints "PASS: <what>" or "FAIL: <what>"; returns cond. */
bool check(bool cond, const char *fmt, ...) __printf(2, 3);
/* check() that a long equals what was expected, printing both. */
bool check_long(long actual, long expected, const char *fmt, ...)
	__printf(3, 4);
/* Records a failure: prints "FAIL: <what>". */
void test_fail(const char *fmt, ...) __printf(1, 2);
unsigned int test_failures(void);
/* Prints the verdict line and powers the domain off. */
__noreturn void test_finish(void);
/* Prints "FAIL: <why>", the FAILURE verdict, and crashes the domain. */
__noreturn void test_abort(const char *fmt, ...) __printf(1, 2);
/*
 * SCHEDOP_shutdown with `reason` (SHUTDOWN_*). Without a hypervisor, exits
 * QEMU through isa-debug-exit (port 0xf4) or ACPI S5 instead. Never returns:
 * if the hypercall comes back, that is reported as a failure.
 */
__noreturn void guest_shutdown(unsigned int reason);
const char *shutdown_reason_name(unsigned int reason);
/* Whether the module command line has `word` as one of its words. */
bool cmdline_has(const struct hvm_start_info *si, const char *word);

#endif /* GUEST_H */
