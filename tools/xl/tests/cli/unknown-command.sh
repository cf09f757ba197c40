$XL frobnicate
