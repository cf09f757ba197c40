// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests for the shared-ring transport on plain memory: index
 * arithmetic and wrap-around, hostile indexes, and a guest in another
 * process talking to the daemon core through a MAP_SHARED page.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "harness.h"

static void stream_wraps(void **state)
{
	struct xenstore_domain_interface *intf = calloc(1, sizeof(*intf));
	unsigned char in[5000], out[5000];
	unsigned int sent = 0, got = 0, i;

	(void)state;
	ring_init(intf);
	for (i = 0; i < sizeof(in); i++)
		in[i] = i * 7 + 3;
	/* odd-sized chunks so the indexes cross the ring end many times */
	while (got < sizeof(in)) {
		unsigned int n = 1 + (sent * 13) % 700;
		long w, r;

		if (n > sizeof(in) - sent)
			n = sizeof(in) - sent;
		w = ring_write_req(intf, in + sent, n);
		assert_true(w >= 0);
		sent += w;
		r = ring_read_req(intf, out + got, 1 + (got * 11) % 900);
		assert_true(r >= 0);
		got += r;
		assert_true(intf->req_prod - intf->req_cons <=
			    XENSTORE_RING_SIZE);
	}
	assert_memory_equal(in, out, sizeof(in));
	/* a full ring accepts nothing more */
	assert_int_equal(ring_write_rsp(intf, in, 2000), XENSTORE_RING_SIZE);
	assert_int_equal(ring_write_rsp(intf, in, 1), 0);
	assert_int_equal(ring_read_rsp(intf, out, 2000), XENSTORE_RING_SIZE);
	assert_memory_equal(in, out, XENSTORE_RING_SIZE);
	free(intf);
}

static void hostile_indexes(void **state)
{
	struct xenstore_domain_interface *intf = calloc(1, sizeof(*intf));
	char buf[64];

	(void)state;
	ring_init(intf);
	intf->req_cons = 100;
	intf->req_prod = 100 + XENSTORE_RING_SIZE + 1;
	assert_int_equal(ring_read_req(intf, buf, sizeof(buf)), -1);
	intf->req_prod = 50; /* producer behind consumer */
	assert_int_equal(ring_read_req(intf, buf, sizeof(buf)), -1);
	intf->rsp_prod = 0;
	intf->rsp_cons = 5000;
	assert_int_equal(ring_write_rsp(intf, buf, sizeof(buf)), -1);
	/* free-running indexes across 2^32 are fine */
	intf->req_cons = 0xfffffff0u;
	intf->req_prod = 0xfffffff0u;
	assert_int_equal(ring_write_req(intf, "0123456789abcdefXYZ", 19), 19);
	assert_int_equal(ring_read_req(intf, buf, sizeof(buf)), 19);
	assert_memory_equal(buf, "0123456789abcdefXYZ", 19);
	assert_int_equal(intf->req_cons, 3);
	free(intf);
}

/* Guest side: one request, one reply, spinning on the shared page. */
static int guest_call(struct xenstore_domain_interface *intf, uint32_t type,
		      const char *data, unsigned int len, char *reply,
		      uint32_t *rtype)
{
	struct xsd_sockmsg h = { type, 1, 0, len };
	char msg[sizeof(h) + XENSTORE_PAYLOAD_MAX];
	unsigned int off = 0, total = sizeof(h) + len, spins = 0;
	long n;

	memcpy(msg, &h, sizeof(h));
	memcpy(msg + sizeof(h), data, len);
	while (off < total) {
		n = ring_write_req(intf, msg + off, total - off);
		if (n < 0 || ++spins > 100000000)
			return -1;
		off += n;
	}
	for (off = 0; off < sizeof(h);) {
		n = ring_read_rsp(intf, (char *)&h + off, sizeof(h) - off);
		if (n < 0 || ++spins > 200000000)
			return -1;
		off += n;
	}
	if (h.len > XENSTORE_PAYLOAD_MAX)
		return -1;
	for (off = 0; off < h.len;) {
		n = ring_read_rsp(intf, reply + off, h.len - off);
		if (n < 0 || ++spins > 300000000)
			return -1;
		off += n;
	}
	reply[h.len] = '\0';
	*rtype = h.type;
	return h.len;
}

static void guest_process(struct xenstore_domain_interface *intf)
{
	char reply[XENSTORE_PAYLOAD_MAX + 1], req[128];
	uint32_t rtype;
	int i, n;

	for (i = 0; i < 300; i++) {
		n = snprintf(req, sizeof(req), "data/k%d%cvalue-%d", i % 20, 0,
			     i);
		if (guest_call(intf, XS_WRITE, req, n, reply, &rtype) != 3 ||
		    rtype != XS_WRITE || strcmp(reply, "OK"))
			_exit(10);
		n = snprintf(req, sizeof(req), "data/k%d", i % 20) + 1;
		if (guest_call(intf, XS_READ, req, n, reply, &rtype) < 0 ||
		    rtype != XS_READ || atoi(reply + 6) != i)
			_exit(11);
	}
	/* an unprivileged guest gets EACCES outside its home */
	if (guest_call(intf, XS_WRITE, "/x\0y", 4, reply, &rtype) < 0 ||
	    rtype != XS_ERROR || strcmp(reply, "EACCES"))
		_exit(12);
	_exit(0);
}

static void guest_in_other_process(void **state)
{
	struct xenstore_domain_interface *intf;
	struct conn *c0 = tc_new(0), *rc;
	int status = -1;
	pid_t pid;

	(void)state;
	intf = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	assert_true(intf != MAP_FAILED);
	ring_init(intf);
	assert_string_equal(tc_req(c0, XS_MKDIR, 0, S("/local/domain/3")),
			    "OK");
	assert_string_equal(
		tc_req(c0, XS_SET_PERMS, 0, S("/local/domain/3\0n3")), "OK");
	rc = ring_conn_new(intf, 3, NULL, NULL);
	assert_non_null(rc);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		guest_process(intf);
	/* the daemon side: what the poll loop does for a ring */
	for (;;) {
		if (!conn_input(rc) || !conn_output(rc))
			break;
		if (waitpid(pid, &status, WNOHANG) == pid)
			break;
	}
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_string_equal(R(c0, "/local/domain/3/data/k19"), "value-299");
	assert_string_equal(tc_req(c0, XS_GET_PERMS, 0,
				   S("/local/domain/3/data/k0")),
			    "n3");
	assert_int_equal(intf->error, XENSTORE_ERROR_NONE);
	conn_destroy(rc);
	tc_free(c0);
	munmap(intf, 4096);
}

static void bad_ring_marks_error(void **state)
{
	struct xenstore_domain_interface *intf = calloc(1, sizeof(*intf));
	struct conn *rc;

	(void)state;
	ring_init(intf);
	rc = ring_conn_new(intf, 4, NULL, NULL);
	intf->req_prod = 5000;
	assert_false(conn_input(rc));
	assert_int_equal(intf->error, XENSTORE_ERROR_RINGIDX);
	conn_destroy(rc);
	free(intf);
}

static void oversized_marks_proto(void **state)
{
	struct xenstore_domain_interface *intf = calloc(1, sizeof(*intf));
	struct xsd_sockmsg h = { XS_READ, 1, 0, XENSTORE_PAYLOAD_MAX + 1 };
	struct conn *c0 = tc_new(0), *rc;
	struct domain *d;

	(void)state;
	ring_init(intf);
	rc = ring_conn_new(intf, 4, NULL, NULL);
	assert_string_equal(tc_req(c0, XS_INTRODUCE, 0,
				   S("4\0"
				     "1\0"
				     "1")),
			    "OK");
	d = domain_find(4);
	d->conn = rc;
	assert_int_equal(ring_write_req(intf, &h, sizeof(h)), sizeof(h));
	assert_false(conn_input(rc));
	assert_int_equal(intf->error, XENSTORE_ERROR_PROTO);
	conn_sweep();
	assert_null(d->conn); /* the domain forgets the dead connection */
	tc_free(c0);
	free(intf);
}

/* A guest asking to reconnect is reset and told so on re-introduction. */
static void reconnect(void **state)
{
	struct xenstore_domain_interface *intf = calloc(1, sizeof(*intf));
	struct xsd_sockmsg h = { XS_WATCH, 1, 0, sizeof("a\0t") };
	struct conn *c0 = tc_new(0), *rc;
	struct domain *d;
	char junk[8] = "partial";

	(void)state;
	ring_init(intf);
	rc = ring_conn_new(intf, 6, NULL, NULL);
	assert_string_equal(tc_req(c0, XS_INTRODUCE, 0,
				   S("6\0"
				     "1\0"
				     "1")),
			    "OK");
	d = domain_find(6);
	d->conn = rc;
	/* a watch, then half a message */
	ring_write_req(intf, &h, sizeof(h));
	ring_write_req(intf, "a\0t", sizeof("a\0t"));
	while (rc->nwatches == 0)
		assert_true(conn_input(rc));
	ring_write_req(intf, junk, sizeof(junk));
	assert_true(conn_input(rc));
	intf->connection = XENSTORE_RECONNECT;
	assert_string_equal(tc_req(c0, XS_INTRODUCE, 0,
				   S("6\0"
				     "1\0"
				     "1")),
			    "OK");
	assert_int_equal(intf->connection, XENSTORE_CONNECTED);
	assert_int_equal(intf->req_prod, 0);
	assert_int_equal(intf->rsp_prod, 0);
	assert_int_equal(rc->nwatches, 0);
	assert_int_equal(rc->in_used, 0);
	assert_null(rc->out_head);
	conn_destroy(rc);
	tc_free(c0);
	free(intf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(stream_wraps),
		cmocka_unit_test(hostile_indexes),
		cmocka_unit_test(guest_in_other_process),
		cmocka_unit_test(bad_ring_marks_error),
		cmocka_unit_test(oversized_marks_proto),
		cmocka_unit_test(reconnect),
	};

	quota_defaults();
	db_init();
	log_open("/dev/null");
	return cmocka_run_group_tests_name("xenstored ring", tests, NULL, NULL);
}
