"""The back office shared by every app: the project's snippet viewsets (word search, readable
inspect, exports, import buttons)."""
