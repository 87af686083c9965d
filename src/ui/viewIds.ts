/**
 * IDs of the views this extension contributes, in a file of their own: the activation shell needs them
 * and must not load the modules that implement the views to learn them.
 */
export const EXPLORER_VIEW_ID = 'vodImages.explorer';
export const PANEL_VIEW_TYPE = 'vodImages.details';
