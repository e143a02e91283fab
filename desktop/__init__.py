"""年报助手 (Nianbao): writes and checks the annual report on government information disclosure."""

__version__ = "0.1.0"
