# vm.cpumask / vm.hvm.cpumask / vm.pv.cpumask from xl.conf restrict the
# vCPUs' hard affinity (checked against Xen 4.17's xl).
cd "$TMPDIR" || exit 1
printf 'vm.cpumask="0-5"\nvm.hvm.cpumask="2-7"\nvm.pv.cpumask="0,1"\n' >m.conf
printf 'name="m"\ntype="hvm"\nvcpus=2\n' >m1.cfg
printf 'name="m"\ntype="hvm"\nvcpus=2\ncpus="3-7"\n' >m2.cfg
printf 'name="m"\nkernel="/k"\nvcpus=1\n' >m3.cfg
printf 'name="m"\ntype="hvm"\nvcpus=1\ncpus="0-1"\n' >m4.cfg
for c in m1 m2 m3 m4; do
	XL_CONF=m.conf $XL -N create -q $c.cfg 2>&1 |
		sed -n '/vcpu_hard_affinity/,/^        \]/p;/error/p' | tr -d ' \n'
	echo
done
XL_CONF=m.conf $XL -N create -q --ignore-global-affinity-masks m1.cfg | grep -c vcpu_hard_affinity || true
