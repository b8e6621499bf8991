public enum CrossingsUI {}
