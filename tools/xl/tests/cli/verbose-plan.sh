# xl -v -N create: the plan, with decoded device numbers.
cd "$KDIR" || exit 1
printf 'name="plan"\nkernel="pvh.elf"\nmemory=128\nmaxmem=256\ndisk=["/dev/null,,xvda,w", ",,hdc:cdrom,r"]\nvif=["", "bridge=br1,mac=00:16:3e:01:02:03"]\n' >plan.cfg
$XL -v -N create -q plan.cfg 2>&1 >/dev/null | grep -v "not found" | sed "s/00:16:3e:[0-7][0-9a-f]:[0-9a-f][0-9a-f]:[0-9a-f][0-9a-f] (random)/00:16:3e:RANDOM/"
