// SPDX-License-Identifier: GPL-2.0-only
/*
 * vsnd=: virtual sound cards.  Each card is a list of items; an item is
 * "card,...", "pcm,..." (a new PCM device) or "stream,..." (a new stream
 * of the last PCM), followed by its KEY=VALUE settings.  Parameters
 * (sample-rates, sample-formats, channels-min/max, buffer-size) can be
 * given at any level, the key names are those of Xen's sndif protocol.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xl.h"

const char *const vsnd_format_names[VSND_FORMATS] = {
	"s8",
	"u8",
	"s16_le",
	"s16_be",
	"u16_le",
	"u16_be",
	"s24_le",
	"s24_be",
	"u24_le",
	"u24_be",
	"s32_le",
	"s32_be",
	"u32_le",
	"u32_be",
	"f32_le",
	"f32_be",
	"f64_le",
	"f64_be",
	"iec958_subframe_le",
	"iec958_subframe_be",
	"mu_law",
	"a_law",
	"ima_adpcm",
	"mpeg",
	"gsm",
};

static bool key_is(const char *tok, const char *key, const char **val)
{
	size_t n = strlen(key);

	if (strncmp(tok, key, n) || tok[n] != '=')
		return false;
	*val = tok + n + 1;
	return true;
}

/* 1: not a parameter, 0: done, -1: bad value. */
static int vsnd_param(struct vsnd_params *p, const char *tok)
{
	struct strlist l = { 0 };
	const char *v;
	int i, k;

	if (key_is(tok, "sample-rates", &v)) {
		split_string_list(v, ";", &l);
		free(p->sample_rates);
		p->num_sample_rates = l.n;
		p->sample_rates = xcalloc(l.n, sizeof(*p->sample_rates));
		for (i = 0; i < l.n; i++)
			p->sample_rates[i] = (uint32_t)strtoul(l.v[i], NULL, 0);
	} else if (key_is(tok, "sample-formats", &v)) {
		split_string_list(v, ";", &l);
		free(p->sample_formats);
		p->num_sample_formats = l.n;
		p->sample_formats = xcalloc(l.n, sizeof(*p->sample_formats));
		for (i = 0; i < l.n; i++) {
			for (k = 0; k < VSND_FORMATS; k++)
				if (!strcasecmp(l.v[i], vsnd_format_names[k]))
					p->sample_formats[i] = k + 1;
			if (!p->sample_formats[i]) {
				/* Keep only the formats that were valid. */
				p->num_sample_formats = i;
				strlist_free(&l);
				return -1;
			}
		}
	} else if (key_is(tok, "channels-min", &v)) {
		p->channels_min = (uint32_t)strtoul(v, NULL, 0);
	} else if (key_is(tok, "channels-max", &v)) {
		p->channels_max = (uint32_t)strtoul(v, NULL, 0);
	} else if (key_is(tok, "buffer-size", &v)) {
		p->buffer_size = (uint32_t)strtoul(v, NULL, 0);
	} else {
		return 1;
	}
	strlist_free(&l);
	return 0;
}

static int card_param(struct device_vsnd *s, const char *tok)
{
	const char *v;
	int r = vsnd_param(&s->params, tok);

	if (r <= 0)
		return r;
	if (key_is(tok, "backend", &v))
		replace_string(&s->backend_domname, v);
	else if (key_is(tok, "short-name", &v))
		replace_string(&s->short_name, v);
	else if (key_is(tok, "long-name", &v))
		replace_string(&s->long_name, v);
	else
		return -1;
	return 0;
}

static int pcm_param(struct device_vsnd *s, const char *tok)
{
	struct vsnd_pcm *pcm = &s->pcms[s->num_pcms - 1];
	const char *v;
	int r = vsnd_param(&pcm->params, tok);

	if (r <= 0)
		return r;
	if (!key_is(tok, "name", &v))
		return -1;
	replace_string(&pcm->name, v);
	return 0;
}

static int stream_param(struct device_vsnd *s, const char *tok)
{
	struct vsnd_pcm *pcm = &s->pcms[s->num_pcms - 1];
	struct vsnd_stream *st = &pcm->streams[pcm->num_streams - 1];
	const char *v;
	int r = vsnd_param(&st->params, tok);

	if (r <= 0)
		return r;
	if (key_is(tok, "unique-id", &v)) {
		replace_string(&st->unique_id, v);
	} else if (key_is(tok, "type", &v)) {
		if (!strcasecmp(v, "p"))
			st->type = 1;
		else if (!strcasecmp(v, "c"))
			st->type = 2;
		else
			return -1;
	} else {
		return -1;
	}
	return 0;
}

static struct vsnd_pcm *new_pcm(struct device_vsnd *s)
{
	struct vsnd_pcm *p = ARRAY_GROW(s->pcms, s->num_pcms);

	memset(p, 0, sizeof(*p));
	return p;
}

/* One item of a card; returns NULL or the token that is wrong. */
static char *vsnd_item(struct device_vsnd *s, char *buf)
{
	char *save = NULL, *tok, *key = NULL;
	int r = 0;

	for (tok = strtok_r(buf, ",", &save); tok && !r;
	     tok = strtok_r(NULL, ",", &save)) {
		while (*tok == ' ')
			tok++;
		if (!key) {
			key = tok;
			if (!strcasecmp(key, "pcm")) {
				new_pcm(s);
			} else if (!strcasecmp(key, "stream")) {
				struct vsnd_pcm *p =
					s->num_pcms ? &s->pcms[s->num_pcms - 1]
						    : new_pcm(s);
				struct vsnd_stream *st =
					ARRAY_GROW(p->streams, p->num_streams);

				memset(st, 0, sizeof(*st));
			} else if (strcasecmp(key, "card")) {
				return tok;
			}
			continue;
		}
		if (!strcasecmp(key, "card"))
			r = card_param(s, tok);
		else if (!strcasecmp(key, "pcm"))
			r = pcm_param(s, tok);
		else
			r = stream_param(s, tok);
		if (r)
			return tok;
	}
	return NULL;
}

void parse_vsnds(struct cfg *cfg, struct domain_config *dc)
{
	struct cfg_value *list;
	int i, k;

	if (cfg_get_list(cfg, "vsnd", &list, 0))
		return;
	for (i = 0; i < list->n; i++) {
		const struct cfg_value *card = list->items[i];
		struct device_vsnd *s;

		if (card->type != CV_LIST) {
			cfg_report(cfg, card->line, "error",
				   "vsnd: each card must be a list of items");
			cfg->nerrors++;
			return;
		}
		s = ARRAY_GROW(dc->vsnds, dc->num_vsnds);
		memset(s, 0, sizeof(*s));
		s->devid = dc->num_vsnds - 1;
		for (k = 0; k < card->n && cfg_list_item(card, k); k++) {
			char *buf = xstrdup(cfg_list_item(card, k));
			char *bad = vsnd_item(s, buf);

			if (bad) {
				cfg_report(cfg, card->line, "error",
					   "vsnd: invalid item `%s' in `%s'",
					   bad, cfg_list_item(card, k));
				cfg->nerrors++;
			}
			free(buf);
			if (bad)
				break;
		}
	}
}

static void params_free(struct vsnd_params *p)
{
	free(p->sample_rates);
	free(p->sample_formats);
}

void vsnd_free(struct device_vsnd *s)
{
	int i, k;

	for (i = 0; i < s->num_pcms; i++) {
		for (k = 0; k < s->pcms[i].num_streams; k++) {
			free(s->pcms[i].streams[k].unique_id);
			params_free(&s->pcms[i].streams[k].params);
		}
		free(s->pcms[i].streams);
		free(s->pcms[i].name);
		params_free(&s->pcms[i].params);
	}
	free(s->pcms);
	params_free(&s->params);
	free(s->backend_domname);
	free(s->short_name);
	free(s->long_name);
}
