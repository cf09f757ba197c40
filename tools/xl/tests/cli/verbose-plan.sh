# xl -v -N create: the plan, with decoded device numbers.
cd "$KDIR" || exit 1
printf 'name="plan"\nkernel="pvh.elf"\nmemory=128\nmaxmem=256\ndisk=["/dev/null,,xvda,w", ",,hdc:cdrom,r"]\nvif=["", "bridge=br1"]\n' >plan.cfg
$XL -v -N create -q plan.cfg 2>&1 >/dev/null | grep -v 'not found'
