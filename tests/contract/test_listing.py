"""Contract: situations, mechanisms and actors listed with their counts; the store's generation."""

from __future__ import annotations

from graph.store import ActorRecord, GraphStore, MechanismSummary, SituationSummary
from tests.contract.samples import joint_letter, sc_resolution, upr_report

FAR = 10**6


def test_situations_by_name_with_counts(filled: GraphStore) -> None:
    assert filled.list_situations() == [SituationSummary("sit/SDN/darfur", "Darfur", "SDN", 3, 2),
                                        SituationSummary("sit/SDN", "Sudan", "SDN", 1, 1)]
    assert [s.id for s in filled.list_situations(offset=1, limit=5)] == ["sit/SDN"]
    assert filled.list_situations(offset=2) == []
    assert filled.list_situations(offset=FAR, limit=10) == []


def test_mechanisms_by_name_with_counts_and_type(filled: GraphStore) -> None:
    panel = MechanismSummary("mech/poe-sudan", "Panel of Experts on the Sudan", "sanctions", "PoE", 1, 3)
    assert [m.id for m in filled.list_mechanisms()] == ["mech/unamid", "mech/poe-sudan", "mech/upr"]
    assert filled.list_mechanisms()[1] == panel
    assert filled.list_mechanisms(type="sanctions") == [panel]
    assert filled.list_mechanisms(type="treaty_body") == []
    assert [m.id for m in filled.list_mechanisms(offset=2, limit=1)] == ["mech/upr"]
    assert filled.list_mechanisms(offset=FAR) == [] and filled.list_mechanisms(type="upr", offset=FAR) == []


def test_actor_with_recommendation_counts(filled: GraphStore) -> None:
    sudan = ActorRecord("state/SDN", "Sudan", "state", "SDN", "729", ("the Sudan", "Soudan"),
                        recommendations_by=0, recommendations_to=4, documents=3)
    assert filled.get_actor("state/SDN") == sudan
    assert filled.get_actor("Soudan") == sudan
    brazil = filled.get_actor("state/BRA")
    assert brazil is not None and (brazil.recommendations_by, brazil.recommendations_to) == (1, 0)
    council = filled.get_actor("un/SC")
    assert council is not None and council.recommendations_by == 2
    assert filled.get_actor("state/XXX") is None


def test_generation_changes_on_every_write_and_only_then(store: GraphStore) -> None:
    seen = [store.generation()]
    store.put_document(*upr_report())
    seen.append(store.generation())
    store.put_document(*upr_report())  # unchanged: no write
    assert store.generation() == seen[-1]
    store.put_document(*upr_report(2))
    seen.append(store.generation())
    store.put_document(*sc_resolution())
    seen.append(store.generation())
    store.remove_document("S/RES/1591 (2005)")
    seen.append(store.generation())
    assert store.remove_document(joint_letter()[0].symbol) is False
    assert store.generation() == seen[-1]
    assert len(set(seen)) == len(seen) == 5
    assert store.list_situations()[0].documents == 1  # what the removed resolution supported is gone
