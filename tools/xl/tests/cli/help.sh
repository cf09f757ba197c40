$XL help
