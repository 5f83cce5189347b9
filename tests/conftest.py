import os

# Tests never need a screen: Qt draws offscreen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
