"""The exports' JSON (`report.json_text.indented`) is the standard module's, byte for byte."""

from __future__ import annotations

import json

from collingwood.report.json_text import indented


def _standard(obj) -> str:
    return json.dumps(obj, indent=2, ensure_ascii=False)


def test_indented_writes_what_the_standard_module_writes():
    obj = {"nodes": [{"id": "e-1", "name": "Zofia Kovács 中", "degree": 3}],
           "edges": [{"grounds": 'both at "the Office"\\ in 1943\n\t', "strength": 0.3, "claims": [],
                      "time": None, "inferred": True, "alleged": False, "big": 1e16, "third": 1 / 3}],
           "empty": {}, "controls": "\x00\x1f\x7f\u2028", "tuple": (1, 2.5)}
    assert indented(obj) == _standard(obj)


def test_indented_leaves_to_the_standard_module_what_orjson_writes_otherwise():
    for obj in ({"tiny": 1e-7}, {"surrogate": "\ud800"}, {1: "key not a string"}, {"huge": 2 ** 70}):
        assert indented(obj) == _standard(obj)
