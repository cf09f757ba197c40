// SPDX-License-Identifier: GPL-2.0
/* Unit tests: tree operations, paths, permissions and persistence. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "harness.h"
#include "../ops.h"

static int setup(void **state)
{
	(void)state;
	tc_reset_world();
	return 0;
}

static void read_write(void **state)
{
	struct conn *c = tc_new(0);

	(void)state;
	assert_string_equal(W(c, "/a/b/c", "hello"), "OK");
	assert_string_equal(R(c, "/a/b/c"), "hello");
	/* implicit parents exist with empty values */
	assert_string_equal(R(c, "/a/b"), "");
	assert_string_equal(tc_req(c, XS_DIRECTORY, 0, S("/a")), "b");
	assert_string_equal(R(c, "/a/x"), "ENOENT");
	/* overwrite; binary values with NULs survive */
	assert_string_equal(tc_req(c, XS_WRITE, 0, "/a/b/c\0x\0y", 10), "OK");
	assert_string_equal(R(c, "/a/b/c"), "x|y");
	/* relative paths live under /local/domain/<domid> */
	assert_string_equal(W(c, "rel", "1"), "OK");
	assert_string_equal(R(c, "/local/domain/0/rel"), "1");
	assert_string_equal(tc_req(c, XS_DIRECTORY, 0, S("/")), "tool|a|local");
	tc_free(c);
}

static void mkdir_rm(void **state)
{
	struct conn *c = tc_new(0);

	(void)state;
	assert_string_equal(tc_req(c, XS_MKDIR, 0, S("/m/n")), "OK");
	assert_string_equal(R(c, "/m/n"), "");
	assert_string_equal(W(c, "/m/n", "v"), "OK");
	assert_string_equal(tc_req(c, XS_MKDIR, 0, S("/m/n")), "OK");
	assert_string_equal(R(c, "/m/n"), "v"); /* mkdir keeps the value */
	assert_string_equal(W(c, "/m/n/o/p", "deep"), "OK");
	assert_string_equal(tc_req(c, XS_RM, 0, S("/m/n")), "OK");
	assert_string_equal(R(c, "/m/n/o/p"), "ENOENT");
	assert_string_equal(tc_req(c, XS_DIRECTORY, 0, S("/m")), "");
	/* missing node with an existing parent: fine; else ENOENT */
	assert_string_equal(tc_req(c, XS_RM, 0, S("/m/zz")), "OK");
	assert_string_equal(tc_req(c, XS_RM, 0, S("/nope/zz")), "ENOENT");
	assert_string_equal(tc_req(c, XS_RM, 0, S("/")), "EINVAL");
	tc_free(c);
}

static void bad_paths(void **state)
{
	struct conn *c = tc_new(0);
	char big[XENSTORE_PAYLOAD_MAX];

	(void)state;
	assert_string_equal(R(c, "/a/../b"), "EINVAL");
	assert_string_equal(R(c, "../etc"), "EINVAL");
	assert_string_equal(R(c, "/a//b"), "EINVAL");
	assert_string_equal(R(c, "/a/"), "EINVAL");
	assert_string_equal(R(c, "/a b"), "EINVAL");
	assert_string_equal(R(c, ""), "EINVAL");
	assert_string_equal(R(c, "@foo"), "EINVAL");
	/* absolute paths up to XENSTORE_ABS_PATH_MAX */
	memset(big, 'x', sizeof(big));
	big[0] = '/';
	big[XENSTORE_ABS_PATH_MAX + 1] = '\0';
	assert_string_equal(tc_req(c, XS_READ, 0, big,
				   XENSTORE_ABS_PATH_MAX + 2),
			    "EINVAL");
	big[XENSTORE_ABS_PATH_MAX] = '\0';
	assert_string_equal(
		tc_req(c, XS_WRITE, 0, big, XENSTORE_ABS_PATH_MAX + 1), "OK");
	/* a deep path: many levels created and removed again */
	for (int i = 0; i < XENSTORE_ABS_PATH_MAX - 1; i += 2) {
		big[i] = '/';
		big[i + 1] = 'd';
	}
	assert_string_equal(
		tc_req(c, XS_WRITE, 0, big, XENSTORE_ABS_PATH_MAX + 1), "OK");
	assert_string_equal(tc_req(c, XS_RM, 0, S("/d")), "OK");
	assert_string_equal(R(c, "/d"), "ENOENT");
	tc_free(c);
}

static void perms(void **state)
{
	struct conn *c0 = tc_new(0), *c5 = tc_new(5), *c6 = tc_new(6);

	(void)state;
	assert_string_equal(W(c0, "/p/q", "v"), "OK");
	assert_string_equal(tc_req(c0, XS_GET_PERMS, 0, S("/p/q")), "n0");
	/* unprivileged domains see nothing by default */
	assert_string_equal(R(c5, "/p/q"), "EACCES");
	assert_string_equal(tc_req(c0, XS_SET_PERMS, 0, S("/p\0n0\0r5")), "OK");
	assert_string_equal(tc_req(c0, XS_SET_PERMS, 0, S("/p/q\0n0\0r5")),
			    "OK");
	assert_string_equal(tc_req(c0, XS_GET_PERMS, 0, S("/p/q")), "n0|r5");
	assert_string_equal(R(c5, "/p/q"), "v");
	assert_string_equal(W(c5, "/p/q", "w"), "EACCES");
	assert_string_equal(R(c6, "/p/q"), "EACCES");
	/* missing node: EACCES unless the parent is readable */
	assert_string_equal(R(c5, "/p/none"), "ENOENT");
	assert_string_equal(R(c6, "/p/none"), "EACCES");
	/* only the owner (or dom0) changes permissions */
	assert_string_equal(tc_req(c5, XS_SET_PERMS, 0, S("/p/q\0b5")),
			    "EACCES");
	/* a domain's home: owned by it, children inherit */
	assert_string_equal(tc_req(c0, XS_MKDIR, 0, S("/local/domain/5")),
			    "OK");
	assert_string_equal(tc_req(c0, XS_SET_PERMS, 0,
				   S("/local/domain/5\0n5\0r6")),
			    "OK");
	assert_string_equal(W(c5, "dev/vif", "x"), "OK");
	assert_string_equal(tc_req(c5, XS_GET_PERMS, 0,
				   S("/local/domain/5/dev/vif")),
			    "n5|r6");
	assert_string_equal(R(c6, "/local/domain/5/dev/vif"), "x");
	/* owner may change the others' rights but not give the node away */
	assert_string_equal(tc_req(c5, XS_SET_PERMS, 0, S("dev/vif\0n5\0b6")),
			    "OK");
	assert_string_equal(tc_req(c5, XS_SET_PERMS, 0, S("dev/vif\0n6")),
			    "EPERM");
	assert_string_equal(W(c6, "/local/domain/5/dev/vif", "y"), "OK");
	/* malformed permission strings */
	assert_string_equal(tc_req(c0, XS_SET_PERMS, 0, S("/p\0x1")), "EINVAL");
	assert_string_equal(tc_req(c0, XS_SET_PERMS, 0, S("/p\0r")), "EINVAL");
	assert_string_equal(tc_req(c0, XS_SET_PERMS, 0, S("/p")), "EINVAL");
	/* a missing node under a readable but not writable parent: reading
	 * says ENOENT, writing-type requests say EACCES */
	assert_string_equal(R(c5, "/p/gone"), "ENOENT");
	assert_string_equal(tc_req(c5, XS_RM, 0, S("/p/gone")), "EACCES");
	assert_string_equal(tc_req(c5, XS_MKDIR, 0, S("/p/gone")), "EACCES");
	/* dom5 cannot create at the root */
	assert_string_equal(W(c5, "/evil", "x"), "EACCES");
	assert_string_equal(tc_req(c5, XS_RM, 0, S("/p/q")), "EACCES");
	tc_free(c0);
	tc_free(c5);
	tc_free(c6);
}

static void directory_part(void **state)
{
	struct conn *c = tc_new(0);
	char path[128], want[16384], got[16384];
	unsigned int wl = 0, gl = 0, off = 0, rlen, i;
	uint32_t rtype;

	(void)state;
	for (i = 0; i < 150; i++) {
		snprintf(path, sizeof(path),
			 "/big/child-with-a-long-name-%04u-xxxxxxxxxxxx", i);
		assert_string_equal(
			tc_req(c, XS_WRITE, 0, path, strlen(path) + 1), "OK");
		wl += sprintf(want + wl, "%s", path + 5) + 1;
	}
	assert_true(wl > XENSTORE_PAYLOAD_MAX);
	assert_string_equal(tc_req(c, XS_DIRECTORY, 0, S("/big")), "E2BIG");
	for (;;) {
		char req[64];
		int rl = snprintf(req, sizeof(req), "/big%c%u", 0, off) + 1;
		const char *r = tc_req_raw(c, XS_DIRECTORY_PART, 0, req, rl,
					   &rlen, &rtype);
		unsigned int g = strlen(r) + 1;

		assert_int_equal(rtype, XS_DIRECTORY_PART);
		assert_true(rlen <= XENSTORE_PAYLOAD_MAX);
		memcpy(got + gl, r + g, rlen - g);
		gl += rlen - g;
		off += rlen - g;
		if (rlen - g >= 2 && r[rlen - 1] == 0 && r[rlen - 2] == 0)
			break;
		assert_true(off < sizeof(got));
	}
	assert_int_equal(gl - 1, wl);
	assert_memory_equal(got, want, wl);
	{
		const char *r = tc_req_raw(c, XS_DIRECTORY_PART, 0,
					   S("/big\0999999"), &rlen, &rtype);

		/* past the end: generation and an empty list */
		assert_int_equal(rlen, strlen(r) + 2);
		assert_int_equal(r[rlen - 1], 0);
	}
	tc_free(c);
}

static void persistence(void **state)
{
	struct conn *c = tc_new(0);
	char file[] = "/tmp/kxs-state-XXXXXX", before[8192], after[8192];
	FILE *f;
	size_t bl, al;
	int fd = mkstemp(file);

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	assert_string_equal(W(c, "/s/a", "1"), "OK");
	assert_string_equal(tc_req(c, XS_WRITE, 0, "/s/bin\0\x01\x00\xff", 10),
			    "OK");
	assert_string_equal(tc_req(c, XS_SET_PERMS, 0, S("/s/a\0n3\0r4")),
			    "OK");
	f = fmemopen(before, sizeof(before), "w");
	persist_dump(f);
	bl = ftell(f);
	fclose(f);
	assert_int_equal(persist_save(file), 0);
	tc_free(c);
	tc_reset_world();
	assert_string_equal(R(tc_new(0), "/s/a"), "ENOENT");
	conn_close_all();
	assert_int_equal(persist_load(file), 0);
	f = fmemopen(after, sizeof(after), "w");
	persist_dump(f);
	al = ftell(f);
	fclose(f);
	assert_int_equal(al, bl);
	assert_memory_equal(before, after, bl);
	assert_int_equal(domain_nodes(3), 1);
	/* a damaged file is refused and leaves a fresh tree */
	f = fopen(file, "r+");
	fseek(f, 20, SEEK_SET);
	fputs("garbage!garbage!garbage!", f);
	fclose(f);
	assert_int_not_equal(persist_load(file), 0);
	assert_non_null(store_get(&db, "/"));
	unlink(file);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(read_write, setup),
		cmocka_unit_test_setup(mkdir_rm, setup),
		cmocka_unit_test_setup(bad_paths, setup),
		cmocka_unit_test_setup(perms, setup),
		cmocka_unit_test_setup(directory_part, setup),
		cmocka_unit_test_setup(persistence, setup),
	};

	quota_defaults();
	db_init();
	log_open("/dev/null");
	return cmocka_run_group_tests_name("xenstored tree", tests, NULL, NULL);
}
