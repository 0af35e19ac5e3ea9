// Entry point: defines every component (the app imports its children) and mounts the window.
import './components/clipdesk-app.js';

document.body.append(document.createElement('clipdesk-app'));
