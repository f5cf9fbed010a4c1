from tests.ui.conftest import make_kiosk, qapp_cls

__all__ = ["make_kiosk", "qapp_cls"]
