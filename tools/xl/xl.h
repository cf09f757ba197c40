/* SPDX-License-Identifier: GPL-2.0-only */
/* Krypton xl: parsers, validation, output and commands. */
#ifndef KRYPTON_XL_H
#define KRYPTON_XL_H

#include "cfg.h"
#include "model.h"

/* ---- global settings (xlconf.c) ---- */

struct xl_globals {
	int verbose;
	bool dryrun;
	bool force;
	bool timestamps;
	const char *conf_path;
	int autoballoon; /* -1 auto */
	int run_hotplug_scripts;
	char *lockfile;
	char *default_vifscript;
	char *default_bridge;
	char *default_gatewaydev;
	char *default_vifbackend;
	char *blkdev_start;
	int claim_mode;
	int max_grant_frames;
	int max_maptrack_frames;
	int max_grant_version;
	char *output_format;
	char *domid_policy;
	int host_cpus; /* CPUs assumed for "all" in cpu lists */
	/* vm.cpumask, vm.hvm.cpumask, vm.pv.cpumask (all CPUs if unset) */
	struct bitmap vm_mask, hvm_mask, pv_mask;
};

extern struct xl_globals xlg;
void xlconf_defaults(void);
int xlconf_load(const char *path);
void xlconf_free(void);
char *xl_read_file(const char *path, size_t *len);

/* ---- parsers (parse_*.c) ---- */

/* Upper bound of sizes given in MiB (16 EiB in KiB fits in 64 bits). */
#define MAX_MIB (1L << 40)

/* Parses the whole configuration into dc; returns the number of errors. */
int parse_domain_config(struct cfg *cfg, struct domain_config *dc);
void apply_affinity_masks(struct cfg *cfg, struct domain_config *dc);
int parse_disk_spec(struct cfg *cfg, int line, const char *spec,
		    struct device_disk *d);
int parse_disk_specs(struct cfg *cfg, int line, char *const *specs, int n,
		     struct device_disk *d);
int vdev_to_devnum(const char *vdev);
int parse_nic_token(struct cfg *cfg, int line, struct device_nic *nic,
		    char *token);
void nic_set_defaults(struct device_nic *nic);
int parse_vif_rate(struct cfg *cfg, int line, const char *rate,
		   struct device_nic *nic);
int parse_cpu_list(const char *spec, struct bitmap *map, char *err,
		   size_t errlen);
int parse_uuid(const char *s, uint8_t uuid[16]);
void uuid_generate(uint8_t uuid[16]);
void random_bytes(uint8_t *buf, size_t len);
bool uuid_is_nil(const uint8_t uuid[16]);
int parse_action(const char *s, int *out);
int parse_pci_spec(const char *s, struct device_pci *pci, char *err,
		   size_t errlen);
int parse_rdm(const char *s, int *strategy, int *policy);
const char *parse_cpuid_xend(struct build_info *b, const char *s);
int parse_cpuid_host(struct build_info *b, const char *s,
		     void (*bad)(void *ctx, const char *item, const char *why),
		     void *ctx);
void split_string_list(const char *s, const char *delims, struct strlist *l);
int parse_hvm_options(struct cfg *cfg, struct domain_config *dc);
int parse_devices(struct cfg *cfg, struct domain_config *dc);
void parse_display(struct cfg *cfg, struct domain_config *dc);
void parse_boot(struct cfg *cfg, struct build_info *b);
void parse_pv_firmware(struct cfg *cfg, struct build_info *b);
void parse_pci_list(struct cfg *cfg, struct domain_config *dc);
void parse_resources(struct cfg *cfg, struct build_info *b);
void parse_usb(struct cfg *cfg, struct domain_config *dc);
void parse_vkbs(struct cfg *cfg, struct domain_config *dc);
void parse_pvcalls(struct cfg *cfg, struct domain_config *dc);
void parse_vdispls(struct cfg *cfg, struct domain_config *dc);
void parse_vnuma(struct cfg *cfg, struct build_info *b);
void parse_vsnds(struct cfg *cfg, struct domain_config *dc);
void vsnd_free(struct device_vsnd *s);

/* ---- validation and kernel probing ---- */

enum check_mode {
	CHECK_DRYRUN,
	CHECK_CREATE
};
int validate_config(struct cfg *cfg, struct domain_config *dc,
		    enum check_mode mode);

enum kernel_kind {
	KK_MISSING,
	KK_UNREADABLE,
	KK_ELF_PVH, /* ELF with XEN_ELFNOTE_PHYS32_ENTRY */
	KK_ELF_NO_PVH,
	KK_BZIMAGE, /* Linux boot protocol image; payload compressed */
	KK_UNKNOWN,
};
enum kernel_kind probe_kernel(const char *path, char *detail, size_t n);
enum kernel_kind probe_kernel_buf(const uint8_t *buf, size_t len);

/* ---- output ---- */

struct jgen;
struct jgen *jgen_new(void);
void jgen_free(struct jgen *g);
const char *jgen_buf(struct jgen *g);
void j_map_open(struct jgen *g);
void j_map_close(struct jgen *g);
void j_array_open(struct jgen *g);
void j_array_close(struct jgen *g);
void j_key(struct jgen *g, const char *k);
void j_string(struct jgen *g, const char *s);
void j_int(struct jgen *g, long long v);
void j_uint(struct jgen *g, unsigned long long v);
void j_bool(struct jgen *g, bool v);
void j_null(struct jgen *g);

char *domain_config_to_json(const struct domain_config *dc);
char *disk_to_json(const struct device_disk *d);
char *nic_to_json(const struct device_nic *n);

/* ---- commands ---- */

struct cmd_spec {
	const char *name;
	int (*fn)(int argc, char **argv);
	bool can_dryrun;
	bool modifies;
	const char *summary;
	const char *usage;
	const char *options;
};

extern const struct cmd_spec cmd_table[];
extern const int cmd_table_size;
const struct cmd_spec *cmd_lookup(const char *name);
void help(const char *command);
int hypervisor_present(void);
int xl_no_hypervisor(const char *what);

int main_create(int argc, char **argv);
int main_help(int argc, char **argv);
int main_block_attach(int argc, char **argv);
int main_network_attach(int argc, char **argv);
int main_no_hypervisor(int argc, char **argv);

#endif
