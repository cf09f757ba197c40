# Guest ACPI tables (hv/arch/x86/acpi_build.c): RSDP, XSDT, FADT, DSDT, MADT
# walked as a guest would; each table also disassembled by iasl
# (acpica-tools, from scripts/deps.sh).
UNIT_TESTS += acpi_build
UNIT_SRCS_acpi_build := tests/unit/test_acpi_build.c hv/arch/x86/acpi_build.c
