"""Keep the page's imported code out of the garbage collection Streamlit runs after every rerun.

Streamlit calls ``gc.collect(2)`` when a script run ends (``runner.postScriptGC``), holding the GIL
while it walks every object Python tracks. After this app's imports (Streamlit, pandas, Altair and the
app's own modules) that is about 160,000 objects, none of which will ever be garbage: on this machine
one such collection took about 95 ms, after every rerun of every session, longer than the rest of the
rerun's work on the server. Under load (ten sessions moving sliders) it was most of the server's time.

``gc.freeze()`` (Python's documented way for long-lived processes) moves the objects alive now into a
permanent generation that later collections skip. Done once, after the imports, it leaves the
post-run collection looking at what the reruns themselves made, so memory is still cleaned up after
each rerun as Streamlit intends. Objects frozen here are still freed when their reference count drops.
"""

from __future__ import annotations

import gc

_done = False


def freeze_imports() -> None:
    """Collect what the imports left behind, then freeze the rest; once per server process."""
    global _done
    if _done:
        return
    gc.collect()
    gc.freeze()
    _done = True
