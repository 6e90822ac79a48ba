"""Writing report files: atomically, in pieces, readable like any file the user makes."""

from __future__ import annotations

import json
import os
import stat

from newsprism.report import json_chunks, write_atomic


def test_json_in_pieces_is_the_same_text_as_in_one_string():
    data = {"articles": [{"id": "a", "text": "Aleppo “fell”\né"}], "stories": [{"n": 1.5, "x": None}]}
    assert "".join(json_chunks(data)) == json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def test_stories_read_one_at_a_time_encode_to_the_same_text_as_a_list():
    from collections import UserList  # a sequence that is not a list: json_chunks encodes it story by story

    stories = [{"id": "s1", "claims": [{"text": "82 “killed”\n", "support": []}], "n": 2.5}, {"id": "s2", "empty": {}}]
    for some in (stories, stories[:1], []):
        data = {"newsprism_version": "x", "articles": [{"id": "a", "text": "é"}], "skipped": [], "stories": some}
        expected = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        assert "".join(json_chunks({**data, "stories": UserList(some)})) == expected


def test_written_file_has_the_users_usual_permissions(tmp_path):
    from newsprism.report import _umask

    umask = os.umask(0o022)
    _umask.cache_clear()  # the writer reads the umask once a process
    try:
        path = tmp_path / "report.json"
        write_atomic(path, json_chunks({"a": 1}))
        assert json.loads(path.read_text(encoding="utf-8")) == {"a": 1}
        assert stat.S_IMODE(path.stat().st_mode) == 0o644
        assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary file left
    finally:
        os.umask(umask)
        _umask.cache_clear()
