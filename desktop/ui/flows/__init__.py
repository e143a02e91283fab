"""The window's flows (open, save, import, export, last year) behind one narrow interface, ``FlowHost``.

The flows never see the window or a widget: they ask the host for a path, a yes or no, an answer to a
dialog, and tell it what to show. The window implements the host with dialogs (desktop/ui/window_host.py);
tests plug in a headless one.
"""
