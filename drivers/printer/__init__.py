"""Receipt printers: the ESC/POS driver, its encoder and the simulated printer.

python-escpos is only imported where a receipt is encoded or a real connection is opened;
before that can happen, its capabilities cache is pointed at the terminal's cache folder
(:mod:`drivers.printer.escpos_cache`: otherwise every start re-parses its printer database).
"""

from drivers.printer import escpos_cache

escpos_cache.configure()
