$XL
