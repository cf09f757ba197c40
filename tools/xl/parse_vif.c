// SPDX-License-Identifier: GPL-2.0-only
/*
 * Network interface specifications, xl-network-configuration(5):
 * comma-separated KEY=VALUE settings (plus the bare words "trusted" and
 * "untrusted").  Defaults for bridge, script, gatewaydev and backend
 * come from xl.conf; without them the fields stay unset, exactly as in
 * Xen's output (libxl fills bridge "xenbr0" and a random 00:16:3e MAC
 * later, when the device is added).
 */
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "xl.h"

const char *const nic_colo_keys[NIC_COLO_KEYS] = {
	"colo_sock_mirror_id",
	"colo_sock_mirror_ip",
	"colo_sock_mirror_port",
	"colo_sock_compare_pri_in_id",
	"colo_sock_compare_pri_in_ip",
	"colo_sock_compare_pri_in_port",
	"colo_sock_compare_sec_in_id",
	"colo_sock_compare_sec_in_ip",
	"colo_sock_compare_sec_in_port",
	"colo_sock_compare_notify_id",
	"colo_sock_compare_notify_ip",
	"colo_sock_compare_notify_port",
	"colo_sock_redirector0_id",
	"colo_sock_redirector0_ip",
	"colo_sock_redirector0_port",
	"colo_sock_redirector1_id",
	"colo_sock_redirector1_ip",
	"colo_sock_redirector1_port",
	"colo_sock_redirector2_id",
	"colo_sock_redirector2_ip",
	"colo_sock_redirector2_port",
	"colo_filter_mirror_queue",
	"colo_filter_mirror_outdev",
	"colo_filter_redirector0_queue",
	"colo_filter_redirector0_indev",
	"colo_filter_redirector0_outdev",
	"colo_filter_redirector1_queue",
	"colo_filter_redirector1_indev",
	"colo_filter_redirector1_outdev",
	"colo_compare_pri_in",
	"colo_compare_sec_in",
	"colo_compare_out",
	"colo_compare_notify_dev",
	"colo_sock_sec_redirector0_id",
	"colo_sock_sec_redirector0_ip",
	"colo_sock_sec_redirector0_port",
	"colo_sock_sec_redirector1_id",
	"colo_sock_sec_redirector1_ip",
	"colo_sock_sec_redirector1_port",
	"colo_filter_sec_redirector0_queue",
	"colo_filter_sec_redirector0_indev",
	"colo_filter_sec_redirector0_outdev",
	"colo_filter_sec_redirector1_queue",
	"colo_filter_sec_redirector1_indev",
	"colo_filter_sec_redirector1_outdev",
	"colo_filter_sec_rewriter0_queue",
	"colo_checkpoint_host",
	"colo_checkpoint_port",
};

void nic_set_defaults(struct device_nic *nic)
{
	if (xlg.default_vifscript)
		replace_string(&nic->script, xlg.default_vifscript);
	if (xlg.default_bridge)
		replace_string(&nic->bridge, xlg.default_bridge);
	if (xlg.default_gatewaydev)
		replace_string(&nic->gatewaydev, xlg.default_gatewaydev);
	if (xlg.default_vifbackend)
		replace_string(&nic->backend_domname, xlg.default_vifbackend);
}

static void verr(struct cfg *cfg, int line, const char *msg, const char *what)
{
	cfg_report(cfg, line, "error", "vif: %s in `%s'", msg, what);
	cfg->nerrors++;
}

static bool full_match(const char *re, const char *s)
{
	regex_t r;
	bool ok;

	if (regcomp(&r, re, REG_EXTENDED | REG_NOSUB))
		return false;
	ok = !regexec(&r, s, 0, NULL, 0);
	regfree(&r);
	return ok;
}

/* rate=NUM[GMK](B|b)/s[@NUM[m|u]s]; default interval 50ms. */
int parse_vif_rate(struct cfg *cfg, int line, const char *rate,
		   struct device_nic *nic)
{
	char *buf = xstrdup(rate), *at, *p;
	unsigned long long bps, us = 50000;
	int rc = -1;

	at = strchr(buf, '@');
	if (at)
		*at++ = 0;
	if (!*buf) {
		verr(cfg, line, "no rate specified", rate);
		goto out;
	}
	if (!full_match("^[0-9]+[GMK]?[Bb]/s$", buf)) {
		verr(cfg, line, "invalid rate", buf);
		goto out;
	}
	bps = strtoull(buf, &p, 10);
	if (bps == 0 || bps > UINT32_MAX) {
		verr(cfg, line, "rate overflow", buf);
		goto out;
	}
	if (*p == 'G')
		bps *= 1000ULL * 1000 * 1000;
	else if (*p == 'M')
		bps *= 1000ULL * 1000;
	else if (*p == 'K')
		bps *= 1000ULL;
	if (*p == 'b' || p[1] == 'b')
		bps /= 8;
	if (at) {
		if (!full_match("^[0-9]+[mu]?s?$", at)) {
			verr(cfg, line, "invalid replenishment interval", at);
			goto out;
		}
		us = strtoull(at, &p, 10);
		if (us == 0 || us > UINT32_MAX) {
			verr(cfg, line, "replenishment interval overflow", at);
			goto out;
		}
		if (*p == 's' || !*p)
			us *= 1000000ULL;
		else if (*p == 'm')
			us *= 1000ULL;
		if (us > UINT32_MAX) {
			verr(cfg, line, "replenishment interval overflow", at);
			goto out;
		}
	}
	if (bps > UINT64_MAX / us) {
		verr(cfg, line, "rate overflow", rate);
		goto out;
	}
	nic->rate_interval_usecs = (uint32_t)us;
	nic->rate_bytes_per_interval = bps * us / 1000000ULL;
	rc = 0;
out:
	free(buf);
	return rc;
}

/* Six hex octets separated by ':' (or '-'); nothing else. */
static int parse_mac(const char *s, uint8_t mac[6])
{
	int i;

	for (i = 0; i < 6; i++) {
		char *ep;
		unsigned long v;

		if (!((s[0] >= '0' && s[0] <= '9') ||
		      (s[0] >= 'a' && s[0] <= 'f') ||
		      (s[0] >= 'A' && s[0] <= 'F')))
			return -1;
		v = strtoul(s, &ep, 16);
		if (v > 255 || ep - s > 2)
			return -1;
		mac[i] = (uint8_t)v;
		if (i < 5) {
			if (*ep != ':' && *ep != '-')
				return -1;
			s = ep + 1;
		} else if (*ep) {
			return -1;
		}
	}
	return 0;
}

static int parse_devnum(struct cfg *cfg, int line, const char *key,
			const char *v, int *out)
{
	char *ep;
	unsigned long n = strtoul(v, &ep, 10);

	if (ep == v || *ep || n > 0x7fffffff) {
		cfg_report(cfg, line, "error", "vif: %s=%s is not a number",
			   key, v);
		cfg->nerrors++;
		return -1;
	}
	*out = (int)n;
	return 0;
}

/* Returns 0, or -1 after reporting the error. */
int parse_nic_token(struct cfg *cfg, int line, struct device_nic *nic,
		    char *token)
{
	char *v = strchr(token, '=');
	size_t kl;

	if (!strcmp(token, "trusted")) {
		nic->trusted = 1;
		return 0;
	}
	if (!strcmp(token, "untrusted")) {
		nic->trusted = -1;
		return 0;
	}
	if (!v) {
		cfg_report(cfg, line, "error",
			   "vif: unrecognized argument `%s'", token);
		cfg->nerrors++;
		return -1;
	}
	kl = (size_t)(v - token);
	v++;
#define KEY(k) (kl == strlen(k) && !strncmp(token, k, kl))
	if (KEY("type")) {
		if (!strcmp(v, "vif"))
			nic->nictype = NIC_VIF;
		else if (!strcmp(v, "ioemu"))
			nic->nictype = NIC_VIF_IOEMU;
		else {
			cfg_report(cfg, line, "error",
				   "vif: invalid type `%s' (expected vif or "
				   "ioemu)",
				   v);
			cfg->nerrors++;
			return -1;
		}
	} else if (KEY("mac")) {
		if (parse_mac(v, nic->mac)) {
			cfg_report(cfg, line, "error",
				   "vif: invalid MAC address `%s' (expected "
				   "six hex octets like 00:16:3e:12:34:56)",
				   v);
			cfg->nerrors++;
			return -1;
		}
		nic->mac_given = true;
	} else if (KEY("bridge")) {
		replace_string(&nic->bridge, v);
	} else if (KEY("netdev")) {
		cfg_report(cfg, line, "warning",
			   "vif: netdev= is deprecated, use gatewaydev=");
		cfg->nwarnings++;
		replace_string(&nic->gatewaydev, v);
	} else if (KEY("gatewaydev")) {
		replace_string(&nic->gatewaydev, v);
	} else if (KEY("ip")) {
		replace_string(&nic->ip, v);
	} else if (KEY("script")) {
		replace_string(&nic->script, v);
	} else if (KEY("backend")) {
		replace_string(&nic->backend_domname, v);
	} else if (KEY("vifname")) {
		replace_string(&nic->ifname, v);
	} else if (KEY("model")) {
		replace_string(&nic->model, v);
	} else if (KEY("rate")) {
		return parse_vif_rate(cfg, line, v, nic);
	} else if (KEY("forwarddev")) {
		replace_string(&nic->coloft_forwarddev, v);
	} else if (kl > 5 && !strncmp(token, "colo_", 5)) {
		int i;

		for (i = 0; i < NIC_COLO_KEYS; i++)
			if (KEY(nic_colo_keys[i])) {
				replace_string(&nic->colo[i], v);
				return 0;
			}
		cfg_report(cfg, line, "error",
			   "vif: unrecognized argument `%s'", token);
		cfg->nerrors++;
		return -1;
	} else if (KEY("accel")) {
		cfg_report(cfg, line, "warning",
			   "vif: accel= is not supported, ignored");
		cfg->nwarnings++;
	} else if (KEY("devid")) {
		return parse_devnum(cfg, line, "devid", v, &nic->devid);
	} else if (KEY("mtu")) {
		return parse_devnum(cfg, line, "mtu", v, &nic->mtu);
	} else {
		cfg_report(cfg, line, "error",
			   "vif: unrecognized argument `%s'", token);
		cfg->nerrors++;
		return -1;
	}
#undef KEY
	return 0;
}
