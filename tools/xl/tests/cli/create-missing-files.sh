# Missing kernel, ramdisk and disk: errors for create, warnings for -N.
cd "$TMPDIR" || exit 1
printf 'name="m"\nkernel="/nonexistent/vmlinuz"\nramdisk="/nonexistent/initrd"\ndisk=["/nonexistent/disk.img,,xvda,w"]\n' >m.cfg
XL_FAKE_HYPERVISOR=1 $XL create m.cfg
echo "create rc=$?"
$XL -N create m.cfg >/dev/null
echo "dry-run rc=$?"
