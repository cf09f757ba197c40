XL_FAKE_HYPERVISOR=0 $XL network-attach 0 bridge=br0
echo "rc=$?"
$XL -N network-attach 0 mac=00:16:3e:zz:00:00
