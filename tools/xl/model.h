/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Krypton xl: the typed domain model.
 *
 * It mirrors the field names, order and defaults of Xen 4.17's
 * libxl_domain_config (tools/libs/light/libxl_types.idl), because
 * `xl -N create` prints it as JSON and tools read that output.  Every
 * field starts at its "default" value; the JSON writer omits fields
 * still at their default, the way libxl's generated code does.
 */
#ifndef KRYPTON_XL_MODEL_H
#define KRYPTON_XL_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* ---- the domain model (cfg_model.c) ---- */

typedef int8_t defbool; /* 0 default, 1 true, -1 false */
#define DB_SET(b, v) ((b) = (v) ? 1 : -1)
#define MEMKB_DEFAULT UINT64_MAX

/* COLO settings of a vif, kept as strings in libxl's field order. */
#define NIC_COLO_KEYS 48
extern const char *const nic_colo_keys[NIC_COLO_KEYS];

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
	char *colo[NIC_COLO_KEYS]; /* nic_colo_keys[] order */
	defbool trusted;
	bool mac_given;
	uint8_t planned_mac[6]; /* mac, or a random one in Xen's OUI */
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

enum vkb_backend {
	VKB_UNKNOWN,
	VKB_QEMU,
	VKB_LINUX
};

struct device_vkb {
	char *backend_domname;
	int devid;
	int backend_type; /* enum vkb_backend */
	char *unique_id;
	bool feature_disable_keyboard;
	bool feature_disable_pointer;
	bool feature_abs_pointer;
	bool feature_raw_pointer;
	bool feature_multi_touch;
	uint32_t width, height;
	uint32_t multi_touch_width, multi_touch_height;
	uint32_t multi_touch_num_contacts;
};

struct vdispl_connector {
	char *unique_id;
	uint32_t width, height;
};

struct device_vdispl {
	char *backend_domname;
	int devid;
	bool be_alloc;
	int num_connectors;
	struct vdispl_connector *connectors;
};

#define VSND_FORMATS 25
extern const char *const vsnd_format_names[VSND_FORMATS];

struct vsnd_params {
	int num_sample_rates;
	uint32_t *sample_rates;
	int num_sample_formats;
	int *sample_formats; /* 1-based, vsnd_format_names[] order */
	uint32_t channels_min, channels_max, buffer_size;
};

struct vsnd_stream {
	char *unique_id;
	int type; /* 0 unset, 1 playback "p", 2 capture "c" */
	struct vsnd_params params;
};

struct vsnd_pcm {
	char *name;
	struct vsnd_params params;
	int num_streams;
	struct vsnd_stream *streams;
};

struct device_vsnd {
	char *backend_domname;
	int devid;
	char *short_name, *long_name;
	struct vsnd_params params;
	int num_pcms;
	struct vsnd_pcm *pcms;
};

struct device_pvcallsif {
	char *backend_domname;
	int devid;
};

enum usbctrl_type {
	USBCTRL_AUTO,
	USBCTRL_PV,
	USBCTRL_DEVICEMODEL,
	USBCTRL_QUSB
};

struct device_usbctrl {
	int type; /* enum usbctrl_type */
	int devid;
	int version;
	int ports;
};

struct device_usbdev {
	int ctrl; /* -1: any */
	int port;
	int type; /* 0 unset, 1 hostdev */
	uint8_t hostbus, hostaddr;
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

/* One xend-style CPUID override: 32-character policy per register. */
#define CPUID_INPUT_UNUSED UINT32_MAX
struct cpuid_leaf {
	uint32_t leaf, subleaf;
	char *policy[4]; /* eax, ebx, ecx, edx; NULL when not given */
};

struct vnode_info {
	uint64_t memkb;
	int num_distances;
	uint32_t *distances;
	uint32_t pnode;
	struct bitmap vcpus;
};

struct cpuid_msr {
	uint32_t index;
	char policy[65]; /* bit 63 first */
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
	uint8_t ms_vm_genid[16]; /* all zero: none */
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
	int num_cpuid;
	struct cpuid_leaf *cpuid;
	int num_cpuid_msr;
	struct cpuid_msr *cpuid_msr;
	char *blkdev_start;
	int num_vnuma_nodes;
	struct vnode_info *vnuma_nodes;
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
	int num_pvcallsifs;
	struct device_pvcallsif *pvcallsifs;
	int num_vdispls;
	struct device_vdispl *vdispls;
	int num_vsnds;
	struct device_vsnd *vsnds;
	int num_channels;
	struct device_channel *channels;
	int num_usbctrls;
	struct device_usbctrl *usbctrls;
	int num_usbdevs;
	struct device_usbdev *usbdevs;
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

#endif
