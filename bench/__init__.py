"""Import benchmark: import + all checks as a ratio to ezdxf.readfile alone, per corpus file."""


def cold() -> None:
    """Forget what the app keeps between readings and checks of the same file (the parsed drawing of the unit
    question, the checks' memo, each check's last findings), so that what is timed next is a first reading: a
    user opening a file for the first time gets no help from any of them."""
    from planner.checks import reuse
    from planner.checks.memo import MEMO
    from planner.importers.pipeline import forget_last_read
    forget_last_read()
    MEMO.clear()
    reuse.forget()
