$XL help frobnicate
