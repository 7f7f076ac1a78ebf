"""The demo documents' texts: fictional samples written for this project, not UN documents.

The States and situation are invented ("Eastland", "Northmark", …); cited resolutions of the
General Assembly and the Security Council such as 60/1 and 2417 (2018) are real and cited only
for what they are known to say. The samples' own symbols use numbers (9001 and up) far above any
issued, so they never collide with a real document.
"""
