"""``python -m kla auth lokal`` writes a usable [auth] section and never overwrites a real one."""

import tomllib

from kla.authcli import local_auth_section, write_local_secrets


def test_section_is_valid_toml_with_every_setting_streamlit_needs():
    text = local_auth_section("http://localhost:8501/", "http://127.0.0.1:9400", 'a"b\\c')
    auth = tomllib.loads(text)["auth"]
    assert auth["redirect_uri"] == "http://localhost:8501/oauth2callback"
    assert auth["server_metadata_url"] == "http://127.0.0.1:9400/.well-known/openid-configuration"
    assert auth["cookie_secret"] == 'a"b\\c', "a secret with quotes survives quoting"
    assert auth["client_id"] and auth["client_secret"]


def test_an_existing_secrets_file_is_left_alone(tmp_path):
    path = tmp_path / ".streamlit" / "secrets.toml"
    assert write_local_secrets(path, "http://localhost:8501", "http://127.0.0.1:9400")
    first = path.read_text()
    assert oct(path.stat().st_mode & 0o777) == "0o600", "the cookie secret is readable by its owner only"
    assert not write_local_secrets(path, "http://localhost:9999", "http://127.0.0.1:1")
    assert path.read_text() == first
    assert len(tomllib.loads(first)["auth"]["cookie_secret"]) >= 48
