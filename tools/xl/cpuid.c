// SPDX-License-Identifier: GPL-2.0-only
/*
 * cpuid= policies, in the two forms Xen's xl reads:
 *
 *  - a list of xend-style lines "LEAF[,SUBLEAF]:eax=P,ebx=P,..." where
 *    each P gives 32 policy characters, bit 31 first;
 *  - a string "host,NAME=VALUE,..." where NAME is a feature of Xen's
 *    public featureset (cpufeatureset.h, lower case, '_' as '-') or one
 *    of the older names below, and VALUE is a number (for multi-bit
 *    fields), or 0, 1, x, k or s.
 *
 * Both end up as per-leaf register policy strings (and, for features
 * that live in MSR_ARCH_CAPS, a 64-character MSR policy), the form
 * libxl prints.
 */
#include <stdlib.h>
#include <string.h>

#include "xl.h"

enum {
	R_EAX = 1,
	R_EBX,
	R_ECX,
	R_EDX
};

/* A named bit field of a CPUID leaf, for the names older than the
 * featureset. */
struct cpuid_field {
	const char *name;
	uint32_t leaf, subleaf;
	int reg;
	int bit, len;
};

#define NA CPUID_INPUT_UNUSED
static const struct cpuid_field legacy_fields[] = {
	{ "maxleaf", 0x0, NA, R_EAX, 0, 32 },
	{ "stepping", 0x1, NA, R_EAX, 0, 4 },
	{ "model", 0x1, NA, R_EAX, 4, 8 },
	{ "family", 0x1, NA, R_EAX, 8, 8 },
	{ "brandid", 0x1, NA, R_EBX, 0, 8 },
	{ "clflush", 0x1, NA, R_EBX, 8, 8 },
	{ "proccount", 0x1, NA, R_EBX, 16, 8 },
	{ "localapicid", 0x1, NA, R_EBX, 24, 8 },
	{ "est", 0x1, NA, R_ECX, 7, 1 },
	{ "cntxid", 0x1, NA, R_ECX, 10, 1 },
	{ "cmpxchg16", 0x1, NA, R_ECX, 13, 1 },
	{ "sse4_1", 0x1, NA, R_ECX, 19, 1 },
	{ "sse4.1", 0x1, NA, R_ECX, 19, 1 },
	{ "sse4_2", 0x1, NA, R_ECX, 20, 1 },
	{ "sse4.2", 0x1, NA, R_ECX, 20, 1 },
	{ "aes", 0x1, NA, R_ECX, 25, 1 },
	{ "cmpxchg8", 0x1, NA, R_EDX, 8, 1 },
	{ "sysenter", 0x1, NA, R_EDX, 11, 1 },
	{ "psn", 0x1, NA, R_EDX, 18, 1 },
	{ "clfsh", 0x1, NA, R_EDX, 19, 1 },
	{ "tm", 0x1, NA, R_EDX, 29, 1 },
	{ "ia64", 0x1, NA, R_EDX, 30, 1 },
	{ "pbe", 0x1, NA, R_EDX, 31, 1 },
	{ "arat", 0x6, NA, R_EAX, 2, 1 },
	{ "tsc_adjust", 0x7, 0, R_EBX, 1, 1 },
	{ "cmt", 0x7, 0, R_EBX, 12, 1 },
	{ "lahfsahf", 0x80000001, NA, R_ECX, 0, 1 },
	{ "cmplegacy", 0x80000001, NA, R_ECX, 1, 1 },
	{ "altmovcr8", 0x80000001, NA, R_ECX, 4, 1 },
	{ "nodeid", 0x80000001, NA, R_ECX, 19, 1 },
	{ "perfctr_core", 0x80000001, NA, R_ECX, 23, 1 },
	{ "perfctr_nb", 0x80000001, NA, R_ECX, 24, 1 },
	{ "procpkg", 0x4, 0, R_EAX, 26, 6 },
	{ "invtsc", 0x80000007, NA, R_EDX, 8, 1 },
	{ "ppin", 0x80000008, NA, R_EBX, 23, 1 },
	{ "btc-no", 0x80000008, NA, R_EBX, 29, 1 },
	{ "nc", 0x80000008, NA, R_ECX, 0, 8 },
	{ "apicidsize", 0x80000008, NA, R_ECX, 12, 4 },
	{ "svm_npt", 0x8000000a, NA, R_EDX, 0, 1 },
	{ "svm_lbrv", 0x8000000a, NA, R_EDX, 1, 1 },
	{ "svm_nrips", 0x8000000a, NA, R_EDX, 3, 1 },
	{ "svm_tscrate", 0x8000000a, NA, R_EDX, 4, 1 },
	{ "svm_vmcbclean", 0x8000000a, NA, R_EDX, 5, 1 },
	{ "svm_decode", 0x8000000a, NA, R_EDX, 7, 1 },
	{ "svm_pausefilt", 0x8000000a, NA, R_EDX, 10, 1 },
	{ "lfence+", 0x80000021, NA, R_EAX, 2, 1 },
	{ "maxhvleaf", 0x40000000, NA, R_EAX, 0, 8 },
};

/* Featureset names and bit numbers, generated from cpufeatureset.h. */
static const struct {
	const char *name;
	unsigned int bit;
} features[] = {
#include "cpufeatures.inc"
};

/* Where each 32-bit featureset word lives (Xen 4.17's layout). */
#define MSR_ARCH_CAPS 0x10a
static const struct {
	bool msr;
	uint32_t leaf, subleaf; /* leaf is the MSR index for msr */
	int reg;
} feature_words[] = {
	{ false, 0x1, NA, R_EDX },	   { false, 0x1, NA, R_ECX },
	{ false, 0x80000001, NA, R_EDX },  { false, 0x80000001, NA, R_ECX },
	{ false, 0xd, 1, R_EAX },	   { false, 0x7, 0, R_EBX },
	{ false, 0x7, 0, R_ECX },	   { false, 0x80000007, NA, R_EDX },
	{ false, 0x80000008, NA, R_EBX },  { false, 0x7, 0, R_EDX },
	{ false, 0x7, 1, R_EAX },	   { false, 0x80000021, NA, R_EAX },
	{ false, 0x7, 1, R_EBX },	   { false, 0x7, 2, R_EDX },
	{ false, 0x7, 1, R_ECX },	   { false, 0x7, 1, R_EDX },
	{ true, MSR_ARCH_CAPS, 0, R_EAX }, { true, MSR_ARCH_CAPS, 0, R_EDX },
	{ false, 0x80000021, NA, R_ECX },
};
#undef NA

static struct cpuid_leaf *cpuid_find(struct build_info *b, uint32_t leaf,
				     uint32_t subleaf)
{
	struct cpuid_leaf *c;
	int i;

	for (i = 0; i < b->num_cpuid; i++)
		if (b->cpuid[i].leaf == leaf && b->cpuid[i].subleaf == subleaf)
			return &b->cpuid[i];
	c = ARRAY_GROW(b->cpuid, b->num_cpuid);
	memset(c, 0, sizeof(*c));
	c->leaf = leaf;
	c->subleaf = subleaf;
	return c;
}

/*
 * One xend-style CPUID line: "LEAF[,SUBLEAF]:eax=P,ebx=P,..." where each
 * P is 32 characters, one per bit from bit 31 down.  Returns NULL or
 * what is wrong.
 */
const char *parse_cpuid_xend(struct build_info *b, const char *s)
{
	uint32_t leaf, subleaf = CPUID_INPUT_UNUSED;
	struct cpuid_leaf *c;
	char *ep;

	leaf = (uint32_t)strtoul(s, &ep, 0);
	if (ep == s)
		return "illegal leaf number";
	if (*ep == ',') {
		s = ep + 1;
		subleaf = (uint32_t)strtoul(s, &ep, 0);
		if (ep == s)
			return "illegal subleaf number";
	}
	if (*ep != ':')
		return "missing colon";
	c = cpuid_find(b, leaf, subleaf);
	for (s = ep + 1; *s;) {
		const char *eq, *end;
		int reg;

		if (s[0] != 'e' || !s[1] || s[2] != 'x' ||
		    (reg = s[1] - 'a') < 0 || reg > 3 || !(eq = strchr(s, '=')))
			return "invalid register name (must be e[abcd]x)";
		s = eq + 1;
		end = strchr(s, ',');
		if (!end)
			end = s + strlen(s);
		if (end - s != 32)
			return "policy string must be exactly 32 characters long";
		free(c->policy[reg]);
		c->policy[reg] = xcalloc(1, 33);
		memcpy(c->policy[reg], s, 32);
		if (!*end)
			break;
		for (s = end + 1; *s == ' ' || *s == '\n'; s++)
			;
	}
	return NULL;
}

/* Writes a field's policy characters into the leaf's register string. */
static const char *cpuid_set(struct build_info *b, const struct cpuid_field *f,
			     const char *val)
{
	struct cpuid_leaf *c = cpuid_find(b, f->leaf, f->subleaf);
	char bits[33], *res;
	unsigned long num;
	char *ep;
	int i;

	num = strtoul(val, &ep, 0);
	bits[f->len] = 0;
	if (ep != val) {
		for (i = 0; i < f->len; i++)
			bits[f->len - 1 - i] = "01"[(num >> i) & 1];
	} else if (val[0] == 'x' || val[0] == 'k' || val[0] == 's') {
		memset(bits, val[0], (size_t)f->len);
	} else {
		return "illegal CPUID value (must be: [0|1|x|k|s])";
	}
	res = c->policy[f->reg - 1];
	if (!res) {
		res = xcalloc(1, 33);
		memset(res, 'x', 32);
	}
	/*
	 * Family and model are split in leaf 1 EAX: the low nibble next to
	 * the field, the extension in bits 20-27 (family) or 16-19 (model).
	 */
	if (!strcmp(f->name, "family")) {
		if (num < 16) {
			memcpy(res + 28 - f->bit, bits + 4, 4);
			memcpy(res + 4, "00000000", 8);
		} else {
			num -= 15;
			memcpy(res + 28 - f->bit, "1111", 4);
			for (i = 0; i < 7; i++) {
				bits[7 - i] = "01"[num & 1];
				num >>= 1;
			}
			memcpy(res + 4, bits, 8);
		}
	} else if (!strcmp(f->name, "model")) {
		memcpy(res + 12, bits, 4);
		memcpy(res + 28 - f->bit, bits + 4, 4);
	} else {
		memcpy(res + (32 - f->len) - f->bit, bits, (size_t)f->len);
	}
	c->policy[f->reg - 1] = res;
	return NULL;
}

static const char *msr_set(struct build_info *b, uint32_t index,
			   unsigned int bit, const char *val)
{
	struct cpuid_msr *m = NULL;
	int i;

	if (strlen(val) != 1 || !strchr("01xks", val[0]))
		return "illegal CPUID value (must be: [0|1|x|k|s])";
	for (i = 0; i < b->num_cpuid_msr; i++)
		if (b->cpuid_msr[i].index == index)
			m = &b->cpuid_msr[i];
	if (!m) {
		m = ARRAY_GROW(b->cpuid_msr, b->num_cpuid_msr);
		m->index = index;
		memset(m->policy, 'x', 64);
		m->policy[64] = 0;
	}
	/* MSR policies have no 's'; Xen stores it as 'k'. */
	m->policy[63 - bit] = val[0] == 's' ? 'k' : val[0];
	return NULL;
}

/* One NAME=VALUE of the "host,..." form; returns NULL or the problem. */
static const char *cpuid_flag(struct build_info *b, const char *tok)
{
	const char *eq = strchr(tok, '=');
	size_t n, i;

	if (!eq)
		return "missing \"=\" in key=value";
	n = (size_t)(eq - tok);
	for (i = 0; i < sizeof(legacy_fields) / sizeof(*legacy_fields); i++)
		if (!strncmp(tok, legacy_fields[i].name, n) &&
		    !legacy_fields[i].name[n])
			return cpuid_set(b, &legacy_fields[i], eq + 1);
	for (i = 0; i < sizeof(features) / sizeof(*features); i++) {
		unsigned int word = features[i].bit / 32;
		struct cpuid_field f;

		if (strncmp(tok, features[i].name, n) || features[i].name[n])
			continue;
		if (word >= sizeof(feature_words) / sizeof(*feature_words))
			return "unknown CPUID flag name";
		if (feature_words[word].msr)
			return msr_set(b, feature_words[word].leaf,
				       features[i].bit % 32 +
					       (feature_words[word].reg == R_EDX
							? 32
							: 0),
				       eq + 1);
		f.name = features[i].name;
		f.leaf = feature_words[word].leaf;
		f.subleaf = feature_words[word].subleaf;
		f.reg = feature_words[word].reg;
		f.bit = (int)(features[i].bit % 32);
		f.len = 1;
		return cpuid_set(b, &f, eq + 1);
	}
	return "unknown CPUID flag name";
}

/*
 * "host,NAME=VALUE,...".  Reports each bad item through bad(); returns
 * the number of them.
 */
int parse_cpuid_host(struct build_info *b, const char *s,
		     void (*bad)(void *ctx, const char *item, const char *why),
		     void *ctx)
{
	char *buf = xstrdup(s), *tok, *save = NULL;
	int errors = 0;

	tok = strtok_r(buf, ",", &save);
	if (!tok) {
		free(buf);
		return 0;
	}
	if (strcmp(tok, "host")) {
		bad(ctx, tok, "the first word must be \"host\"");
		free(buf);
		return 1;
	}
	while ((tok = strtok_r(NULL, ",", &save))) {
		const char *why = cpuid_flag(b, tok);

		if (why) {
			bad(ctx, tok, why);
			errors++;
		}
	}
	free(buf);
	return errors;
}
