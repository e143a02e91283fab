"""Qt runs offscreen for every test; settings and recovery files go to a throwaway place."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
