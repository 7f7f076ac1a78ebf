"""The project's root error. Each package's ``errors.py`` subclasses it."""


class R2PError(Exception):
    """Base of every error r2p-graph raises on purpose.

    ``code`` is a short machine-readable name used in the API's error shape
    ``{"error": {"code", "message", "detail"}}``; ``detail`` is optional structured data.
    """

    code = "error"

    def __init__(self, message: str, *, detail: object | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail
