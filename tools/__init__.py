"""The project's commands: `python -m tools.build` (make build), `python -m tools.serve` (make serve),
`python -m tools.offline` (make offline), and the local HTTP server they and the tests share."""
