"""Write deploy/varnish/jindu.vcl with the given app servers as its backends:

    python deploy/varnish/backends.py OUT.vcl 127.0.0.1:8001 127.0.0.1:8002

Each backend is health-checked on /robots.txt, so a stopped server is left out within a few
seconds and pages it would have served come from the others (or, if none answers, stale
from the cache)."""

import sys
from pathlib import Path

TEMPLATE = Path(__file__).with_name("jindu.vcl")


def backends(addresses):
    lines = []
    for number, address in enumerate(addresses, start=1):
        host, _, port = address.rpartition(":")
        lines.append(
            f'backend app{number} {{\n    .host = "{host}";\n    .port = "{port}";\n'
            "    .connect_timeout = 1s;\n    .first_byte_timeout = 30s;\n"
            '    .probe = {\n        .url = "/robots.txt";\n        .interval = 2s;\n'
            "        .timeout = 1s;\n        .window = 3;\n        .threshold = 2;\n    }\n}"
        )
    adds = "\n".join(f"    apps.add_backend(app{n});" for n in range(1, len(addresses) + 1))
    lines.append(f"sub vcl_init {{\n    new apps = directors.round_robin();\n{adds}\n}}")
    return "\n\n".join(lines)


def main(out, *addresses):
    Path(out).write_text(
        TEMPLATE.read_text().replace("\n@backends@\n", "\n" + backends(addresses) + "\n")
    )


if __name__ == "__main__":
    main(*sys.argv[1:])
