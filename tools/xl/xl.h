/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Krypton xl: shared declarations.
 *
 * The domain model mirrors the field names, order and defaults of Xen
 * 4.17's libxl_domain_config (tools/libs/light/libxl_types.idl), because
 * `xl -N create` prints it as JSON and tools read that output.  Every
 * field starts at its "default" value; json_out.c omits fields still at
 * their default, the way libxl's generated JSON code does.
 */
#ifndef KRYPTON_XL_H
#define KRYPTON_XL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* ---- configuration language (cfg_lex.c, cfg_parse.c) ---- */

enum cfg_vtype {
	CV_STRING,
	CV_LIST
};

struct cfg_value {
	enum cfg_vtype type;
	int line;
	char *str; /* CV_STRING */
	int n;	   /* CV_LIST */
	struct cfg_value **items;
};

enum cfg_op {
	CFG_ASSIGN,
	CFG_ADD
};

struct cfg_setting {
	char *name;
	struct cfg_value *value;
	enum cfg_op op;
	int line;
	bool used;
	struct cfg_setting *next; /* newest first: lookups find the last */
};

struct cfg {
	char *source; /* file name used in messages */
	struct cfg_setting *settings;
	FILE *report;
	int nerrors;
	int nwarnings;
	int line_offset; /* for overrides appended after the file */
	int file_lines;	 /* lines that belong to the file itself */
};

enum tok_type {
	T_EOF,
	T_IDENT,
	T_NUMBER,
	T_STRING,
	T_NEWLINE,
	T_COMMA,
	T_LBRACK,
	T_RBRACK,
	T_ASSIGN,
	T_ADD,
	T_SEMI,
	T_ERROR,
};

struct lexer {
	const char *buf;
	size_t len;
	size_t pos;
	int line;
	bool likely_python;
	int err_line; /* line of the last lexical error, 0 if none */
	struct cfg *cfg;
};

struct token {
	enum tok_type type;
	int line;
	char *text;	 /* IDENT, NUMBER, STRING (dequoted); owned by caller */
	const char *raw; /* points into the buffer */
	size_t rawlen;
};

void lex_init(struct lexer *lx, struct cfg *cfg, const char *buf, size_t len);
void lex_next(struct lexer *lx, struct token *t);
const char *tok_name(enum tok_type t);

struct cfg *cfg_new(const char *source, FILE *report);
void cfg_free(struct cfg *cfg);
/* Parses a whole buffer; returns 0 or the number of errors. */
int cfg_parse(struct cfg *cfg, const char *data, size_t len);
void cfg_value_free(struct cfg_value *v);
void cfg_report(struct cfg *cfg, int line, const char *level, const char *fmt,
		...) __attribute__((format(printf, 4, 5)));
const char *cfg_where(const struct cfg *cfg, int line, char *buf, size_t n);

/* Lookups follow libxlu: 0 found, ESRCH absent, EINVAL wrong type/value. */
struct cfg_setting *cfg_find(struct cfg *cfg, const char *name);
int cfg_get_string(struct cfg *cfg, const char *name, const char **out,
		   int quiet);
int cfg_replace_string(struct cfg *cfg, const char *name, char **out,
		       int quiet);
int cfg_get_long(struct cfg *cfg, const char *name, long *out, int quiet);
int cfg_get_bounded_long(struct cfg *cfg, const char *name, long min, long max,
			 long *out, int quiet);
int cfg_get_defbool(struct cfg *cfg, const char *name, int8_t *out, int quiet);
int cfg_get_list(struct cfg *cfg, const char *name, struct cfg_value **out,
		 int quiet);
const char *cfg_list_item(const struct cfg_value *list, int i);
int cfg_setting_line(struct cfg *cfg, const char *name);
void cfg_warn_unknown(struct cfg *cfg);

/* ---- the domain model (cfg_model.c) ---- */

typedef int8_t defbool; /* 0 default, 1 true, -1 false */
#define DB_SET(b, v) ((b) = (v) ? 1 : -1)
#define MEMKB_DEFAULT UINT64_MAX

struct bitmap {
	int nbits;
	uint8_t *map;
};

struct strlist {
	int n;
	char **v;
};

enum domain_type {
	DT_INVALID = -1,
	DT_HVM = 1,
	DT_PV = 2,
	DT_PVH = 3,
};

enum action {
	ACT_DESTROY = 1,
	ACT_RESTART,
	ACT_RESTART_RENAME,
	ACT_PRESERVE,
	ACT_COREDUMP_DESTROY,
	ACT_COREDUMP_RESTART,
	ACT_SOFT_RESET,
};

enum disk_format {
	DF_UNKNOWN,
	DF_QCOW,
	DF_QCOW2,
	DF_VHD,
	DF_RAW,
	DF_EMPTY,
	DF_QED
};
enum disk_backend {
	DB_UNKNOWN,
	DB_PHY,
	DB_TAP,
	DB_QDISK,
	DB_STANDALONE
};

struct vnc_info {
	defbool enable;
	char *listen;
	char *passwd;
	int display;
	defbool findunused;
};

struct sdl_info {
	defbool enable;
	defbool opengl;
	char *display;
	char *xauthority;
};

struct spice_info {
	defbool enable;
	int port;
	int tls_port;
	char *host;
	defbool disable_ticketing;
	char *passwd;
	defbool agent_mouse;
	defbool vdagent;
	defbool clipboard_sharing;
	int usbredirection;
	char *image_compression;
	char *streaming_video;
};

struct device_disk {
	char *backend_domname;
	char *pdev_path;
	char *vdev;
	int backend; /* enum disk_backend */
	int format;  /* enum disk_format */
	char *script;
	int removable;
	int readwrite;
	int is_cdrom;
	bool direct_io_safe;
	defbool discard_enable;
	int specification; /* 0 unknown, 1 xen, 2 virtio */
	defbool colo_enable;
	char *colo_host;
	int colo_port;
	char *colo_export;
	char *active_disk;
	char *hidden_disk;
	defbool trusted;
	int line; /* where it came from, for messages */
};

enum nic_type {
	NIC_UNKNOWN,
	NIC_VIF_IOEMU,
	NIC_VIF
};

struct device_nic {
	char *backend_domname;
	int devid;
	int mtu;
	char *model;
	uint8_t mac[6];
	char *ip;
	char *bridge;
	char *ifname;
	char *script;
	int nictype;
	uint64_t rate_bytes_per_interval;
	uint32_t rate_interval_usecs;
	char *gatewaydev;
	char *coloft_forwarddev;
	defbool trusted;
	bool mac_given;
	int line;
};

struct device_pci {
	int func, dev, bus, domain;
	uint32_t vdevfn;
	uint32_t vfunc_mask;
	bool msitranslate, power_mgmt, permissive, seize;
	int rdm_policy; /* -1 invalid (default), 0 strict, 1 relaxed */
	char *name;
};

struct device_vfb {
	char *backend_domname;
	int devid;
	struct vnc_info vnc;
	struct sdl_info sdl;
	char *keymap;
};

struct device_vkb {
	int devid;
};

enum chan_conn {
	CHAN_UNKNOWN,
	CHAN_PTY,
	CHAN_SOCKET
};

struct device_channel {
	char *backend_domname;
	int devid;
	char *name;
	int connection;
	char *path;
};

struct device_vtpm {
	char *backend_domname;
	int devid;
	uint8_t uuid[16];
};

struct device_p9 {
	char *backend_domname;
	char *tag;
	char *path;
	char *security_model;
	int devid;
};

struct ioport_range {
	uint32_t first, number;
};

struct iomem_range {
	uint64_t start, number, gfn;
};

struct sched_params {
	int weight, cap, period, budget, extratime, slice, latency;
};

struct hvm_info {
	char *firmware;
	int bios; /* 0 unknown, 1 rombios, 2 seabios, 3 ovmf */
	defbool pae;
	defbool acpi_s3, acpi_s4, acpi_laptop_slate;
	defbool nx;
	defbool viridian;
	struct bitmap viridian_enable, viridian_disable;
	defbool hpet, vpt_align;
	uint64_t mmio_hole_memkb;
	defbool altp2m;
	char *system_firmware;
	char *smbios_firmware;
	char *acpi_firmware;
	int hdtype; /* 1 ide (default), 2 ahci */
	defbool nographic;
	int vga_kind; /* 0 unknown, 1 cirrus, 2 std, 3 none, 4 qxl */
	struct vnc_info vnc;
	char *keymap;
	struct sdl_info sdl;
	struct spice_info spice;
	defbool gfx_passthru;
	int gfx_passthru_kind;
	char *serial;
	char *boot;
	defbool usb;
	int usbversion;
	char *usbdevice;
	defbool vkb_device;
	char *soundhw;
	defbool xen_platform_pci;
	struct strlist usbdevice_list;
	int vendor_device;
	struct strlist serial_list;
	int rdm_strategy; /* 0 ignore, 1 host */
	int rdm_policy;	  /* -1 invalid */
	uint64_t rdm_mem_boundary_memkb;
	uint64_t mca_caps;
};

struct pv_info {
	uint64_t slack_memkb;
	defbool e820_host;
};

struct pvh_info {
	defbool pvshim;
	char *pvshim_path;
	char *pvshim_cmdline;
	char *pvshim_extra;
};

struct create_info {
	int type; /* enum domain_type */
	defbool hap;
	defbool oos;
	char *ssid_label;
	char *name;
	uint8_t uuid[16];
	char *pool_name;
	defbool run_hotplug_scripts;
	defbool driver_domain;
	int passthrough; /* 0 default .. 4 share_pt */
	defbool xend_suspend_evtchn_compat;
};

struct build_info {
	int max_vcpus;
	struct bitmap avail_vcpus;
	int num_vcpu_hard_affinity;
	struct bitmap *vcpu_hard_affinity;
	int num_vcpu_soft_affinity;
	struct bitmap *vcpu_soft_affinity;
	defbool numa_placement;
	int tsc_mode;
	uint64_t max_memkb, target_memkb, video_memkb, shadow_memkb;
	uint32_t rtc_timeoffset;
	char *exec_ssid_label;
	defbool localtime;
	defbool disable_migrate;
	char *blkdev_start;
	uint32_t max_grant_frames, max_maptrack_frames;
	int max_grant_version;
	int device_model_version;
	defbool device_model_stubdomain;
	uint64_t stubdomain_memkb;
	char *stubdomain_kernel, *stubdomain_cmdline, *stubdomain_ramdisk;
	char *device_model;
	char *device_model_ssid_label;
	char *device_model_user;
	struct strlist extra, extra_pv, extra_hvm;
	struct sched_params sched;
	int num_ioports;
	struct ioport_range *ioports;
	int num_irqs;
	uint32_t *irqs;
	int num_iomem;
	struct iomem_range *iomem;
	defbool claim_mode;
	uint32_t event_channels;
	char *kernel, *cmdline, *ramdisk, *device_tree;
	defbool acpi;
	char *bootloader;
	struct strlist bootloader_args;
	int timer_mode; /* -1 default */
	defbool nested_hvm;
	defbool apic;
	defbool dm_restrict;
	int tee;
	int type; /* selects u below */
	struct hvm_info hvm;
	struct pv_info pv;
	struct pvh_info pvh;
	int gic_version;
	int vuart;
	defbool msr_relaxed;
	int altp2m;
	int vmtrace_buf_kb;
	defbool vpmu;
};

struct domain_config {
	struct create_info c;
	struct build_info b;
	int num_disks;
	struct device_disk *disks;
	int num_nics;
	struct device_nic *nics;
	int num_pcidevs;
	struct device_pci *pcidevs;
	int num_dtdevs;
	char **dtdevs;
	int num_vfbs;
	struct device_vfb *vfbs;
	int num_vkbs;
	struct device_vkb *vkbs;
	int num_vtpms;
	struct device_vtpm *vtpms;
	int num_p9s;
	struct device_p9 *p9s;
	int num_channels;
	struct device_channel *channels;
	int on_poweroff, on_reboot, on_watchdog, on_crash, on_soft_reset;
	/* Krypton's plan: the type the domain will actually run as. */
	int planned_type;
};

void dc_init(struct domain_config *dc);
void dc_free(struct domain_config *dc);
void disk_init(struct device_disk *d);
void disk_free(struct device_disk *d);
void nic_init(struct device_nic *n);
void nic_free(struct device_nic *n);
void vnc_init(struct vnc_info *v);
void sdl_init(struct sdl_info *s);
void build_info_init_type(struct build_info *b, int type);
void strlist_add(struct strlist *l, const char *s);
void strlist_free(struct strlist *l);
int bitmap_alloc(struct bitmap *b, int nbits);
void bitmap_free(struct bitmap *b);
void bitmap_set(struct bitmap *b, int bit);
void bitmap_reset(struct bitmap *b, int bit);
bool bitmap_test(const struct bitmap *b, int bit);
void bitmap_set_any(struct bitmap *b);
bool bitmap_empty(const struct bitmap *b);
void *xcalloc(size_t n, size_t sz);
void *xrealloc(void *p, size_t sz);
char *xstrdup(const char *s);
void replace_string(char **dst, const char *val);
#define ARRAY_GROW(arr, count) \
	(arr = xrealloc(arr, sizeof(*(arr)) * ((count) + 1)), &(arr)[(count)++])

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
};

extern struct xl_globals xlg;
void xlconf_defaults(void);
int xlconf_load(const char *path);
void xlconf_free(void);
char *xl_read_file(const char *path, size_t *len);

/* ---- parsers (parse_*.c) ---- */

/* Parses the whole configuration into dc; returns the number of errors. */
int parse_domain_config(struct cfg *cfg, struct domain_config *dc);
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
bool uuid_is_nil(const uint8_t uuid[16]);
int parse_action(const char *s, int *out);
int parse_pci_spec(const char *s, struct device_pci *pci, char *err,
		   size_t errlen);
int parse_rdm(const char *s, int *strategy, int *policy);
void split_string_list(const char *s, const char *delims, struct strlist *l);
int parse_hvm_options(struct cfg *cfg, struct domain_config *dc);
int parse_devices(struct cfg *cfg, struct domain_config *dc);
void parse_display(struct cfg *cfg, struct domain_config *dc);

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
int main_config_check(int argc, char **argv);

#endif
