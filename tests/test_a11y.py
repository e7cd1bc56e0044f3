"""streek.a11y: every chart spec gets an accessible name; marks are hidden from screen readers."""
from streek.a11y import MAX_DESCRIPTION, accessible_spec


def test_spec_gets_description_and_marks_are_quiet():
    spec = {"layer": [{"mark": "line"}, {"mark": {"type": "text", "dx": 3}}, {"mark": "rule"}],
            "datasets": {"d": [1]}}
    out = accessible_spec(spec, "Werkzaamheidsgraad  2016–2030\n")
    assert out["description"] == "Werkzaamheidsgraad 2016–2030"
    assert out["layer"][0]["mark"] == {"type": "line", "aria": False}
    assert out["layer"][1]["mark"] == {"type": "text", "dx": 3, "aria": False}
    assert out["layer"][2]["mark"] == {"type": "rule", "aria": False}
    assert "description" not in spec and spec["layer"][1]["mark"] == {"type": "text", "dx": 3}   # not changed
    assert out["datasets"] is spec["datasets"]   # data are shared, not copied


def test_existing_description_kept_and_long_text_cut():
    assert accessible_spec({"mark": "bar", "description": "eigen"}, "x")["description"] == "eigen"
    assert len(accessible_spec({"vconcat": [{"mark": "bar"}]}, "x" * 1000)["description"]) == MAX_DESCRIPTION

