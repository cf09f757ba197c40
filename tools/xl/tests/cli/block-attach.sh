$XL -N block-attach 0 /dev/vg/a raw xvdb w
echo "rc=$?"
XL_FAKE_HYPERVISOR=0 $XL block-attach 0 /dev/vg/a,,xvdb
echo "rc=$?"
$XL -N block-attach 0 /dev/vg/a,,floppy
