"""One adapter per broker: pure mappings between orderbridge's model and the generated clients.

Each module is imported only when its broker is used (see ``orderbridge._adapter.get_adapter``).
"""
