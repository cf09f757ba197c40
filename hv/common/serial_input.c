// SPDX-License-Identifier: GPL-2.0-only
/*
 * Serial console input. The UART is polled from a timer on the boot CPU;
 * what is typed goes to dom0 (read with CONSOLEIO_read after VIRQ_CONSOLE)
 * or, after Ctrl-A three times in a row, to the hypervisor's debug keys.
 * Ctrl-A three times again switches back, as on Xen.
 */
#include <hv/types.h>
#include <hv/lib.h>
#include <hv/console.h>
#include <hv/timer.h>
#include <hv/apic.h>
#include <hv/domain.h>
#include <hv/event.h>
#include <hv/keyhandler.h>
#include <xen/xen.h>

#define POLL_NS 20000000ULL /* 20 ms */
#define RX_RING 1024
#define CTRL_A 0x01

static struct timer poll_timer;
static char rx_ring[RX_RING];
static unsigned int rx_prod, rx_cons; /* free-running; prod - cons <= RX_RING */
static spinlock_t rx_lock = SPINLOCK_INIT;
static bool input_to_hv;
static unsigned int ctrl_a_run;

static void announce(void)
{
	printk("*** Serial input to %s (type 'CTRL-a' three times to switch "
	       "input)\n",
	       input_to_hv ? "Xen" : "DOM0");
}

static void to_dom0(char c)
{
	unsigned long flags = spin_lock_irqsave(&rx_lock);

	if (rx_prod - rx_cons < RX_RING)
		rx_ring[rx_prod++ % RX_RING] = c;
	spin_unlock_irqrestore(&rx_lock, flags);
}

static void receive(char c)
{
	if (c == CTRL_A) {
		if (++ctrl_a_run == 3) {
			ctrl_a_run = 0;
			input_to_hv = !input_to_hv;
			announce();
		}
		return;
	}
	/* One or two Ctrl-As that did not make a switch are ordinary input. */
	for (; ctrl_a_run; ctrl_a_run--)
		if (!input_to_hv)
			to_dom0(CTRL_A);
	if (input_to_hv)
		handle_keypress(c);
	else
		to_dom0(c);
}

static void poll(void *data)
{
	unsigned int before = rx_prod;
	struct domain *d0;
	int c;

	(void)data;
	while ((c = uart_getc(0)) >= 0)
		receive((char)c);
	if (rx_prod != before && (d0 = domain_by_id(0)))
		evtchn_send_global_virq(d0, VIRQ_CONSOLE);
	timer_set(&poll_timer, now_ns() + POLL_NS);
}

size_t serial_input_read(char *buf, size_t len)
{
	unsigned long flags = spin_lock_irqsave(&rx_lock);
	size_t n = 0;

	while (n < len && rx_cons != rx_prod)
		buf[n++] = rx_ring[rx_cons++ % RX_RING];
	spin_unlock_irqrestore(&rx_lock, flags);
	return n;
}

/* Starts polling on the calling CPU (the boot CPU). */
void serial_input_init(void)
{
	timer_init(&poll_timer, poll, NULL);
	timer_set(&poll_timer, now_ns() + POLL_NS);
	announce();
}
