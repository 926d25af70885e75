"""deploy/: the nginx template (written and checked by nginx itself), docker-compose.yml and the
systemd units agree with the code's settings. Docker cannot run here, so the files are checked by
what they say; the same topology runs for real in tests/e2e/test_deploy.py.
"""

from __future__ import annotations

import http.server
import re
import shlex
import subprocess
import threading
from pathlib import Path

import pytest
import yaml

from bench.topology import nginx_command, nginx_main_conf, write_nginx_conf
from kla import config
from kla.deploy import main, render_nginx, wait_healthy

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
COMPOSE = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
APP_PORT = "8501"  # deploy/Dockerfile's CMD and EXPOSE
OWNER, READER = "kla", "kla_baca"  # deploy/postgres/init-roles.sh's defaults


def kla_sources() -> str:
    return "\n".join(p.read_text() for p in (ROOT / "kla").rglob("*.py"))


def test_every_placeholder_is_filled_and_each_replica_is_an_upstream_server():
    text = render_nginx(["127.0.0.1:8601", "127.0.0.1:8602"], "127.0.0.1:8700", "/srv/kla/")
    assert "{{" not in text
    upstream = text.split("upstream kla_public {", 1)[1].split("}", 1)[0]
    assert re.findall(r"server (\S+) max_fails", upstream) == ["127.0.0.1:8601", "127.0.0.1:8602"]
    assert "alias /srv/kla/embed/;" in text


@pytest.mark.parametrize("bad", ["8601", "127.0.0.1:80; evil", "http://x:1"])
def test_an_address_that_is_not_host_port_is_refused_in_indonesian(bad):
    with pytest.raises(ValueError, match=f"alamat replika publik '{re.escape(bad)}' tidak sah; seharusnya HOST:PORT"):
        render_nginx([bad], "127.0.0.1:8700", "/srv")


def test_the_command_line_says_what_is_wrong(capsys):
    assert main(["nginx", "--public", "x", "--admin", "127.0.0.1:1"]) == 2
    assert "Galat: alamat replika publik 'x' tidak sah" in capsys.readouterr().err


def test_nginx_accepts_the_written_configuration(tmp_path):
    conf = write_nginx_conf(tmp_path, 18080, ["127.0.0.1:8601", "127.0.0.1:8602"], "127.0.0.1:8700")
    result = subprocess.run(nginx_command(tmp_path, conf, "-t"), capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr


def test_nginx_refuses_a_broken_template(tmp_path):
    write_nginx_conf(tmp_path, 18081, ["127.0.0.1:1"], "127.0.0.1:2")  # temp folders
    broken = tmp_path / "rusak.template"
    broken.write_text((DEPLOY / "nginx" / "kla.conf.template").read_text().replace("proxy_read_timeout 1h;",
                                                                                    "proxy_read_timeout;"))
    site = tmp_path / "rusak.conf"
    site.write_text(render_nginx(["127.0.0.1:1"], "127.0.0.1:2", tmp_path, template=broken))
    conf = tmp_path / "rusak-main.conf"
    conf.write_text(nginx_main_conf(tmp_path, site))
    result = subprocess.run(nginx_command(tmp_path, conf, "-t"), capture_output=True, text=True, timeout=30)
    assert result.returncode != 0 and "proxy_read_timeout" in result.stderr


def test_the_compose_nginx_file_is_the_template_written_for_the_compose_services():
    nginx = SERVICES["nginx"]
    mounted = {v.split(":")[1]: v.split(":")[0] for v in nginx["volumes"]}
    conf = DEPLOY / mounted["/etc/nginx/conf.d/default.conf"]
    files_root = next(target for target, source in mounted.items() if source == "publik")
    public = [f"{name}:{APP_PORT}" for name in SERVICES if name.startswith("public")]
    assert conf.read_text() == render_nginx(public, f"admin:{APP_PORT}", files_root)


def env_of(name: str) -> dict[str, str]:
    return {k: str(v) for k, v in SERVICES[name].get("environment", {}).items()}


def test_compose_has_nginx_postgres_one_admin_and_two_public_replicas():
    roles = {name: env_of(name).get("KLA_ROLE") for name in SERVICES}
    assert roles == {"postgres": None, "admin": config.ROLE_ADMIN, "public1": config.ROLE_PUBLIC,
                     "public2": config.ROLE_PUBLIC, "nginx": None}
    for name in ("admin", "public1", "public2"):
        config.parse_role(env_of(name)["KLA_ROLE"])  # a value the code accepts


def test_compose_admin_runs_under_the_base_path_the_proxy_routes():
    command = SERVICES["admin"]["command"]
    assert command[command.index("--server.baseUrlPath") + 1] == config.ADMIN_BASE_PATH
    assert command[command.index("--server.port") + 1] == APP_PORT
    health = SERVICES["admin"]["healthcheck"]["test"]
    assert f"http://127.0.0.1:{APP_PORT}/{config.ADMIN_BASE_PATH}/_stcore/health" in health
    assert f"location /{config.ADMIN_BASE_PATH}/ {{" in (DEPLOY / "nginx" / "kla.conf.template").read_text()


def test_compose_public_replicas_read_with_the_select_only_user_and_keep_their_own_state():
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    state_dir = re.search(r"KLA_STATE_DIR=(\S+)", dockerfile).group(1)
    assert f'"--server.port", "{APP_PORT}"' in dockerfile
    assert f"://{OWNER}:" in env_of("admin")["KLA_DB_URL"]
    volumes = []
    for name in ("public1", "public2"):
        assert f"://{READER}:" in env_of(name)["KLA_DB_URL"]
        state = [v.split(":")[0] for v in SERVICES[name]["volumes"] if v.split(":")[1] == state_dir]
        assert len(state) == 1
        volumes += state
    assert len(set(volumes)) == 2
    init = SERVICES["postgres"]["volumes"]
    assert "./postgres/init-roles.sh:/docker-entrypoint-initdb.d/10-kla-roles.sh:ro" in init


def test_every_setting_named_in_deploy_is_one_the_code_reads():
    code = kla_sources()
    named = set()
    for path in [DEPLOY / "docker-compose.yml", DEPLOY / "env.example", DEPLOY / "Dockerfile",
                 *(DEPLOY / "systemd").glob("*.service")]:
        named |= set(re.findall(r"\b(KLA_[A-Z_]+)\b", path.read_text()))
    not_in_code = {n for n in named if f'"{n}"' not in code} - {"KLA_DB_OWNER_PASSWORD", "KLA_DB_READER_PASSWORD",
                                                                  "KLA_HTTP_PORT", "KLA_DB_OWNER", "KLA_DB_READER"}
    assert not not_in_code
    init = (DEPLOY / "postgres" / "init-roles.sh").read_text()
    for name in ("KLA_DB_OWNER_PASSWORD", "KLA_DB_READER_PASSWORD", "KLA_DB_OWNER", "KLA_DB_READER"):
        assert name in init


def test_every_variable_compose_needs_is_in_env_example():
    needed = set(re.findall(r"\$\{([A-Z_]+)", (DEPLOY / "docker-compose.yml").read_text()))
    example = {line.split("=", 1)[0] for line in (DEPLOY / "env.example").read_text().splitlines()
               if re.match(r"^[A-Z_]+=", line)}
    assert needed <= example


def unit_service(name: str) -> dict[str, list[str]]:
    """The [Service] settings of a unit file, each key with all its values (systemd repeats keys)."""
    settings: dict[str, list[str]] = {}
    section = None
    for line in (DEPLOY / "systemd" / name).read_text().splitlines():
        if line.startswith("["):
            section = line.strip("[]")
        elif section == "Service" and "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            settings.setdefault(key, []).append(value)
    return settings


def test_systemd_units_start_each_role_where_nginx_and_the_health_check_expect_it():
    public, admin = unit_service("kla-public@.service"), unit_service("kla-admin.service")
    assert "KLA_ROLE=public" in public["Environment"] and "KLA_ROLE=admin" in admin["Environment"]
    assert "KLA_STATE_DIR=/var/lib/kla/public-%i" in public["Environment"]
    assert public["EnvironmentFile"] == ["/etc/kla/kla.env", "/etc/kla/public.env"]  # the later file wins
    assert admin["EnvironmentFile"] == ["/etc/kla/kla.env", "/etc/kla/admin.env"]
    (run,) = (shlex.split(v) for v in public["ExecStart"])
    assert run[1:4] == ["-m", "kla", "serve"] and run[run.index("--server.port") + 1] == "%i"
    assert public["ExecStartPost"][0].split()[4] == "http://127.0.0.1:%i/_stcore/health"
    (run,) = (shlex.split(v) for v in admin["ExecStart"])
    assert run[run.index("--server.baseUrlPath") + 1] == config.ADMIN_BASE_PATH
    port = run[run.index("--server.port") + 1]
    assert admin["ExecStartPost"][0].split()[4] == f"http://127.0.0.1:{port}/{config.ADMIN_BASE_PATH}/_stcore/health"


def test_wait_healthy_waits_for_ok():
    class Health(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            body = b"ok" if self.path == "/_stcore/health" else b"belum"
            self.send_response(200)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Health)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}"
        assert wait_healthy(f"{url}/_stcore/health", timeout=5)
        assert not wait_healthy(f"{url}/lain", timeout=0.6)
    finally:
        server.shutdown()
