# Xen device numbers of vdev names (xl -v prints them).  Expected:
# xvd: (202 << 8) | disk << 4 | part for disk, part <= 15, otherwise
# (1 << 28) | disk << 8 | part; hd: major 3 (hda, hdb) or 22 (hdc, hdd),
# minor (disk & 1) << 6 | part; sd: (8 << 8) | disk << 4 | part.
for v in xvda xvdb1 xvdp15 xvdq xvdz xvdaa xvdzz xvda16 d0p1 d300p255 hda hdb hdc3 hdd63 sda sdb1 sdp15 51712 0x1234; do
	$XL -v -N block-attach 0 "/dev/null,,$v" 2>&1 >/dev/null | grep "is device"
done
for v in xvd xvda0 xvda256 hde hda64 sdq sda16 d1 foo; do
	$XL -N block-attach 0 "/dev/null,,$v" 2>&1 >/dev/null
done
